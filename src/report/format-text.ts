/**
 * Findings for people at a terminal: grouped by file (findings without a file under "pull request"
 * or their commit), one line each, hints beneath, and a summary line. Colour only when asked: the
 * caller decides from the TTY and NO_COLOR.
 */
import type { Finding, FindingsReport, Severity } from '../engines/findings.js';
import { plural, shortSha } from '../engines/style/format-text.js';
import { ruleIdOf } from './format-rule-help.js';

export interface TextOptions {
  color: boolean;
}

const ICON: Record<Severity, string> = { error: '✖', warning: '⚠', notice: 'ℹ' };
const COLOR: Record<Severity, number> = { error: 31, warning: 33, notice: 36 };
const SEVERITY_WIDTH = 'warning'.length;

export function formatText(report: FindingsReport, options: TextOptions): string {
  const paint = painter(options.color);
  const blocks = groupFindings(report.findings).map(([heading, findings]) => {
    const located = findings.some((f) => f.line !== null);
    const lines = findings.map((f) => formatFinding(f, located, paint));
    return [paint(heading, 4), ...lines].join('\n');
  });
  return [...blocks, formatSummary(report, paint)].join('\n\n') + '\n';
}

type Paint = (text: string, code: number) => string;

function painter(color: boolean): Paint {
  const close: Record<number, number> = { 1: 22, 2: 22, 4: 24, 31: 39, 32: 39, 33: 39, 36: 39 };
  return color ? (text, code) => `\u001b[${code}m${text}\u001b[${close[code] ?? 0}m` : (text) => text;
}

/** "pull request" first, then commits in the order found, then files by path and line. */
export function groupFindings(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  const add = (key: string, f: Finding) => groups.set(key, [...(groups.get(key) ?? []), f]);
  for (const f of findings) if (f.path === null && f.commit === null) add('pull request', f);
  for (const f of findings) if (f.path === null && f.commit !== null) add(`commit ${shortSha(f.commit)}`, f);
  const files = findings.filter((f) => f.path !== null);
  const paths = [...new Set(files.map((f) => f.path as string))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const inFile = files.filter((f) => f.path === path).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    groups.set(path, inFile);
  }
  return [...groups];
}

function formatFinding(f: Finding, located: boolean, paint: Paint): string {
  const where = located ? `${f.line === null ? '' : f.column === null ? `${f.line}` : `${f.line}:${f.column}`}`.padEnd(8) : '';
  const severity = paint(`${ICON[f.severity]} ${f.severity.padEnd(SEVERITY_WIDTH)}`, COLOR[f.severity]);
  const indent = ' '.repeat(2 + where.length + 2 + SEVERITY_WIDTH + 2);
  const message = f.message.trimEnd().split('\n').join(`\n${indent}`);
  const field = f.field ? ` ${paint(`at ${f.field}`, 2)}` : '';
  const lines = [`  ${where}${severity}  ${message}${field}  ${paint(ruleIdOf(f), 2)}`];
  const hint = f.hint?.trimEnd();
  if (hint) lines.push(paint(`${indent}hint: ${hint.split('\n').join(`\n${indent}      `)}`, 2));
  return lines.join('\n');
}

/** "2 errors, 1 warning in 12 commits and 30 files" (notices only when there are some). */
export function formatSummary(report: FindingsReport, paint: Paint = (t) => t): string {
  const { errors, warnings, notices, commits, files } = report.summary;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(notices ? [plural(notices, 'notice')] : [])];
  const line = `${counts.join(', ')} in ${plural(commits, 'commit')} and ${plural(files, 'file')}`;
  if (errors) return paint(`${ICON.error} ${line}`, 31);
  if (warnings) return paint(`${ICON.warning} ${line}`, 33);
  return paint(`✔ ${line}`, 32);
}
