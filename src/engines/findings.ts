/** The one result shape every check produces (SPEC.md §2). */

export type Severity = 'error' | 'warning' | 'notice';
export type RuleSeverity = Severity | 'off';
export type CheckKind = 'config' | 'style' | 'model-card' | 'evaluation' | 'reconcile';

export interface Finding {
  check: CheckKind;
  rule: string;
  severity: Severity;
  message: string;
  commit: string | null;
  path: string | null;
  line: number | null;
  column: number | null;
  endLine?: number | null;
  endColumn?: number | null;
  hint: string | null;
  /** JSON Pointer of the offending value (model cards, config). */
  field?: string;
}

export interface FindingsSummary {
  errors: number;
  warnings: number;
  notices: number;
  commits: number;
  files: number;
}

export interface FindingsReport {
  findings: Finding[];
  summary: FindingsSummary;
}

/** Builds a finding with the location fields defaulted to null. */
export function makeFinding(
  base: Pick<Finding, 'check' | 'rule' | 'severity' | 'message'> & Partial<Finding>,
): Finding {
  return {
    commit: null,
    path: null,
    line: null,
    column: null,
    hint: null,
    ...base,
  };
}

export function countBySeverity(findings: readonly Finding[]): Pick<FindingsSummary, 'errors' | 'warnings' | 'notices'> {
  let errors = 0;
  let warnings = 0;
  let notices = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else notices++;
  }
  return { errors, warnings, notices };
}

export function summarizeFindings(findings: readonly Finding[], counts: { commits: number; files: number }): FindingsReport {
  return { findings: [...findings], summary: { ...countBySeverity(findings), ...counts } };
}

/** Exit code of the CLI and the Actions: 0 clean, 1 at least one error-severity finding. */
export function exitCodeFor(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
