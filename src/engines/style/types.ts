/** Inputs and outputs of the style engine. Pure data: no platform, no clock. */
import type { Finding, RuleSeverity } from '../findings.js';
import type { PullRequest } from '../pull-request.js';
import type { StyleConfig, StyleRuleId } from '../../config/types.js';

export interface Waiver {
  rule: StyleRuleId;
  /** Login of the maintainer who waived the rule. */
  by: string;
  reason: string;
  /** ISO time, supplied by the caller. */
  at: string;
}

export interface StyleInput {
  pr: PullRequest;
  config: StyleConfig;
  waivers: readonly Waiver[];
  /** Logins known to be members of the repository's organisation (skip-verified-members). */
  orgMembers: ReadonlySet<string>;
}

/** pass: ran, no finding. fail: ran, findings. skipped: out of scope (except/only, squash-aware, bot).
 *  off: severity off. waived: findings suppressed by a maintainer's waiver. incomplete: a cap hid data. */
export type RuleStatus = 'pass' | 'fail' | 'skipped' | 'off' | 'waived' | 'incomplete';

export interface RuleOutcome {
  rule: StyleRuleId;
  status: RuleStatus;
  severity: RuleSeverity;
  /** One line for the summary table: what was checked or why it was skipped. */
  details: string;
  findings: Finding[];
  waiver?: Waiver;
}

export interface StyleResult {
  outcomes: RuleOutcome[];
  /** Findings of all rules that are not waived, in rule order. */
  findings: Finding[];
  /** failure: an error finding; neutral: a draft under `draft.neutral`; success otherwise. */
  conclusion: 'success' | 'failure' | 'neutral';
}

/** One rule: a pure function of the input and its own options. */
export type RuleCheck<Options> = (input: StyleInput, options: Options) => Omit<RuleOutcome, 'rule' | 'severity' | 'waiver'>;
