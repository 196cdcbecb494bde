/** Helpers shared by the rules: findings at the rule's severity, outcomes from findings. */
import type { RuleBase, StyleRuleId } from '../../config/types.js';
import { makeFinding, type Finding, type Severity } from '../findings.js';
import type { RuleOutcome } from './types.js';

export type CheckResult = Omit<RuleOutcome, 'rule' | 'severity' | 'waiver'>;

/** The runner never calls a rule that is off; 'notice' keeps the type honest if one is. */
export function severityOf(options: RuleBase): Severity {
  return options.severity === 'off' ? 'notice' : options.severity;
}

export function styleFinding(
  rule: StyleRuleId,
  options: RuleBase,
  message: string,
  extra: Partial<Pick<Finding, 'commit' | 'path' | 'line' | 'column' | 'hint'>> = {},
): Finding {
  return makeFinding({ check: 'style', rule, severity: severityOf(options), message, ...extra });
}

/** pass when nothing was found, fail otherwise. */
export function outcome(details: string, findings: Finding[]): CheckResult {
  return { status: findings.length > 0 ? 'fail' : 'pass', details, findings };
}

export function skipped(details: string): CheckResult {
  return { status: 'skipped', details, findings: [] };
}

/** A finding on a file, so the check annotates the file itself. */
export function fileLocation(path: string): Pick<Finding, 'path' | 'line' | 'column'> {
  return { path, line: 1, column: null };
}

/** A rule whose own options cannot work (an invalid regular expression) says so instead of crashing. */
export function configProblem(rule: StyleRuleId, options: RuleBase, error: string): CheckResult {
  const hint = `Fix style.rules.${rule} in .github/steward.yml.`;
  return outcome('configuration problem', [styleFinding(rule, options, `The ${rule} rule cannot run: ${error}`, { hint })]);
}
