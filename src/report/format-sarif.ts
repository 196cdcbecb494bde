/**
 * SARIF 2.1.0 for GitHub code scanning. GitHub rejects the whole upload when any result lacks a
 * physical location with a non-empty URI, so findings about the pull request or a commit (no file)
 * point at the repository root and name the commit in a logical location.
 */
import { createHash } from 'node:crypto';
import type { Finding, FindingsReport, Severity } from '../engines/findings.js';
import { describeRule, ruleIdOf } from './format-rule-help.js';

export interface SarifOptions {
  /** Steward's version, shown as the tool's version. */
  version: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
/** The URI results without a file point at: the repository root. */
export const ROOT_URI = '.';

export function formatSarif(report: FindingsReport, options: SarifOptions): string {
  const ruleIds: string[] = [];
  const rules = [];
  for (const finding of report.findings) {
    const help = describeRule(finding);
    if (ruleIds.includes(help.id)) continue;
    ruleIds.push(help.id);
    rules.push({
      id: help.id,
      name: help.id.replace(/(^|[-/])([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase()),
      shortDescription: { text: help.short },
      fullDescription: { text: help.short },
      help: { text: help.help, markdown: help.help },
      defaultConfiguration: { level: LEVEL[finding.severity] },
      properties: { tags: ['steward', finding.check] },
    });
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Steward', version: options.version, semanticVersion: options.version, rules } },
      columnKind: 'utf16CodeUnits',
      results: report.findings.map((f) => toResult(f, ruleIds.indexOf(ruleIdOf(f)))),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(f: Finding, ruleIndex: number) {
  return {
    ruleId: ruleIdOf(f),
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.hint ? `${f.message}\nHint: ${f.hint}` : f.message },
    locations: [toLocation(f)],
    partialFingerprints: { 'stewardFinding/v1': fingerprint(f) },
    properties: {
      check: f.check,
      ...(f.commit ? { commit: f.commit } : {}),
      ...(f.field !== undefined ? { field: f.field } : {}),
      ...(f.hint ? { hint: f.hint } : {}),
    },
  };
}

function toLocation(f: Finding) {
  if (f.path === null) {
    const name = f.commit ? `commit ${f.commit}` : 'pull request';
    return {
      physicalLocation: { artifactLocation: { uri: ROOT_URI, uriBaseId: '%SRCROOT%' } },
      logicalLocations: [{ name, fullyQualifiedName: name, kind: 'resource' }],
    };
  }
  const region: Record<string, number> = {};
  if (f.line !== null && f.line >= 1) {
    region.startLine = f.line;
    if (f.column !== null && f.column >= 1) region.startColumn = f.column;
    if (f.endLine != null && f.endLine >= f.line) region.endLine = f.endLine;
    if (region.startColumn && f.endColumn != null && f.endColumn >= 1) region.endColumn = f.endColumn;
  }
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(f.path), uriBaseId: '%SRCROOT%' },
      ...(region.startLine ? { region } : {}),
    },
  };
}

/** A repository path as a relative URI reference: each segment percent-encoded, '/' kept. */
export function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Stable across runs for the same problem at the same place, so code scanning does not duplicate alerts. */
function fingerprint(f: Finding): string {
  const key = [f.check, f.rule, f.commit ?? '', f.path ?? '', f.line ?? '', f.column ?? '', f.field ?? '', f.message].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
