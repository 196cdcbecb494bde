/** A cap that hid commits or files never lets a rule pass silently (issue 2, "Large pull requests"). */
import type { RuleBase, StyleRuleId } from '../../config/types.js';
import type { PullRequest, Truncation } from '../pull-request.js';
import { styleFinding, type CheckResult } from './rule-outcome.js';
import { formatCount } from './format-text.js';

const COMMIT_RULES: ReadonlySet<StyleRuleId> = new Set<StyleRuleId>(['commit-conventional', 'commit-signoff']);
const FILE_RULES: ReadonlySet<StyleRuleId> = new Set<StyleRuleId>(['pr-size', 'forbidden-paths', 'large-files']);

export function applyTruncation(rule: StyleRuleId, options: RuleBase, pr: PullRequest, result: CheckResult): CheckResult {
  if (result.status === 'skipped' || result.status === 'off') return result;
  const kind = COMMIT_RULES.has(rule) ? 'commits' : FILE_RULES.has(rule) ? 'files' : null;
  const truncation = kind ? pr.truncated[kind] : null;
  if (!kind || !truncation) return result;
  const finding = styleFinding(rule, options, truncationMessage(kind, truncation), {
    hint: kind === 'commits'
      ? 'Split the pull request, or squash its commits, so that every commit can be read.'
      : 'Split the pull request so that every file can be read.',
  });
  const missing = Math.max(0, truncation.total - truncation.seen);
  return {
    status: 'incomplete',
    details: `${result.details}; ${formatCount(missing)} of ${formatCount(truncation.total)} ${kind} not read`,
    findings: [...result.findings, finding],
  };
}

export function truncationMessage(kind: 'commits' | 'files', t: Truncation): string {
  const missing = Math.max(0, t.total - t.seen);
  const reason = t.reason.trim() ? ` (${t.reason.trim()})` : '';
  return `Steward read ${formatCount(t.seen)} of ${formatCount(t.total)} ${kind}${reason}; `
    + `${formatCount(missing)} ${kind} were not checked`;
}
