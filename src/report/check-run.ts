/** Findings and rule outcomes -> the `Steward / style` check run (pure). */
import { createHash } from 'node:crypto';
import type { Finding, FindingsReport } from '../engines/findings.js';
import type { PullRequest } from '../engines/pull-request.js';
import type { RuleOutcome, StyleResult, Waiver } from '../engines/style/types.js';
import type { CheckAnnotation, CheckPlan } from '../platform/port.js';
import { GITHUB_TEXT_LIMIT, trimText } from './trim-text.js';
import { cell, renderOutcomeTable, renderFindingsText, renderTruncation } from './render-style-markdown.js';

/** Annotations beyond this many are listed in the text only: each 50 cost one more request. */
export const MAX_ANNOTATIONS = 250;

export const RERUN_ACTION = { label: 'Re-run', description: 'Run the Steward style checks again', identifier: 'rerun' } as const;

export interface CheckPlanInput {
  name: string;
  pr: PullRequest;
  report: FindingsReport;
  /** null when the configuration is invalid: then only config findings are shown. */
  result: StyleResult | null;
  configSources: string[];
  /** Waivers granted on this pull request: all are recorded, also those with nothing to waive now. */
  waivers?: readonly Waiver[];
}

export function buildCheckPlan(input: CheckPlanInput): CheckPlan {
  const { pr, report, result } = input;
  const conclusion = result ? result.conclusion : 'failure';
  const title = titleFor(report, result);
  const annotations = report.findings.filter((f) => f.path !== null).map(toAnnotation);
  const shown = annotations.slice(0, MAX_ANNOTATIONS);
  const body = [
    `### ${input.name}: ${title}`,
    renderTruncation(pr),
    result ? renderOutcomeTable(result.outcomes) : renderConfigProblems(report.findings),
    renderWaivers(input.waivers ?? [], result?.outcomes ?? []),
    renderSources(input.configSources),
    annotations.length > shown.length
      ? `Showing ${shown.length} of ${annotations.length} annotations; the text below lists every finding.`
      : '',
  ].filter(Boolean).join('\n\n');
  const text = report.findings.length ? trimText(renderFindingsText(report.findings), undefined, 'the findings') : null;
  const fingerprint = fingerprintOf({ conclusion, title, body, text, shown });
  const annotationsFingerprint = fingerprintOf(shown);
  const marker = `<!-- steward:fingerprint=${fingerprint} annotations=${annotationsFingerprint} -->`;
  const summary = `${trimText(body, GITHUB_TEXT_LIMIT - marker.length - 2, 'the summary')}\n\n${marker}`;
  return {
    name: input.name,
    headSha: pr.headSha,
    conclusion,
    title,
    summary,
    text,
    annotations: shown,
    actions: [RERUN_ACTION],
    fingerprint,
    annotationsFingerprint,
    externalId: pr.number === null ? '' : JSON.stringify({ pr: pr.number }),
  };
}

function titleFor(report: FindingsReport, result: StyleResult | null): string {
  if (!result) return `Invalid configuration: ${plural(report.summary.errors, 'problem')}`;
  const { errors, warnings, notices } = report.summary;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(notices, 'notice')];
  const counted = parts.filter((p) => !p.startsWith('0 '));
  const prefix = result.conclusion === 'neutral' ? 'Draft: ' : '';
  if (counted.length === 0) return `${prefix}All rules pass`;
  return prefix + counted.join(', ');
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function toAnnotation(f: Finding): CheckAnnotation {
  const line = f.line ?? 1;
  const sameLine = f.endLine === undefined || f.endLine === null || f.endLine === line;
  const annotation: CheckAnnotation = {
    path: f.path as string,
    startLine: line,
    endLine: f.endLine ?? line,
    level: f.severity === 'error' ? 'failure' : f.severity,
    title: `${f.rule} (${f.severity})`,
    message: f.hint ? `${f.message}\n\nHow to fix: ${f.hint}` : f.message,
  };
  // GitHub accepts columns only on single-line annotations.
  if (sameLine && f.column !== null) {
    annotation.startColumn = f.column;
    annotation.endColumn = f.endColumn ?? f.column;
  }
  return annotation;
}

function renderConfigProblems(findings: Finding[]): string {
  const rows = findings.map((f) => `| \`${f.path ?? ''}\` | ${f.line ?? ''}:${f.column ?? ''} | ${cell(f.message)} |`);
  return [
    'The configuration could not be used, so no style rule ran. Fix these problems; the check runs again on the next push (on a pull request, `/steward recheck` runs it at once):',
    '',
    '| File | Line:column | Problem |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function renderWaivers(waivers: readonly Waiver[], outcomes: RuleOutcome[]): string {
  if (!waivers.length) return '';
  const effective = new Set(outcomes.filter((o) => o.waiver).map((o) => o.rule));
  const lines = waivers.map((w) => {
    const note = effective.has(w.rule) ? '' : ' (the rule has no finding to waive now)';
    return `- \`${w.rule}\` waived by @${w.by} on ${w.at.slice(0, 10)}: ${cell(w.reason)}${note}`;
  });
  return ['**Waivers**', ...lines].join('\n');
}

function renderSources(sources: string[]): string {
  return sources.length ? `Configuration: ${sources.map((s) => `\`${s}\``).join(' extending ')}` : 'Configuration: built-in defaults (no `.github/steward.yml`)';
}

function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
