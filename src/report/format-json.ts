/** The `--format json` output: exactly SPEC.md §2's shape, keys in a stable order. */
import type { Finding, FindingsReport } from '../engines/findings.js';

export function formatJson(report: FindingsReport): string {
  const { errors, warnings, notices, commits, files } = report.summary;
  const body = { findings: report.findings.map(toJsonFinding), summary: { errors, warnings, notices, commits, files } };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Rebuilt key by key so the order never depends on how a finding was assembled. */
export function toJsonFinding(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    check: f.check,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    commit: f.commit,
    path: f.path,
    line: f.line,
    column: f.column,
    hint: f.hint,
  };
  if (f.field !== undefined) out.field = f.field;
  return out;
}
