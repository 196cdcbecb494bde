/**
 * The style engine: every rule of SPEC.md §3 over one pull request, with severity, scoping,
 * truncation and waivers applied in that order. Pure: data in, outcomes out.
 */
import { STYLE_RULE_IDS, type RuleBase, type StyleRuleId, type StyleRules } from '../../config/types.js';
import type { Finding } from '../findings.js';
import type { KnownFields } from '../pull-request.js';
import type { RuleCheck, RuleOutcome, StyleInput, StyleResult } from './types.js';
import { decideScope } from './apply-scope.js';
import { applyTruncation } from './apply-truncation.js';
import { applyWaiver, findWaiver } from './apply-waiver.js';
import { skipped, styleFinding, type CheckResult } from './rule-outcome.js';
import { checkTitleConventional } from './rules/title-conventional.js';
import { checkCommitConventional } from './rules/commit-conventional.js';
import { checkCommitSignoff } from './rules/commit-signoff.js';
import { checkBranchName } from './rules/branch-name.js';
import { checkBodySections } from './rules/body-sections.js';
import { checkPrSize } from './rules/pr-size.js';
import { checkForbiddenPaths } from './rules/forbidden-paths.js';
import { checkLargeFiles } from './rules/large-files.js';
import { checkLabels } from './rules/labels.js';
import { checkLinkedIssue } from './rules/linked-issue.js';
import { checkDraft } from './rules/draft.js';

const CHECKS: { [K in StyleRuleId]: RuleCheck<StyleRules[K]> } = {
  'title-conventional': checkTitleConventional,
  'commit-conventional': checkCommitConventional,
  'commit-signoff': checkCommitSignoff,
  'branch-name': checkBranchName,
  'body-sections': checkBodySections,
  'pr-size': checkPrSize,
  'forbidden-paths': checkForbiddenPaths,
  'large-files': checkLargeFiles,
  labels: checkLabels,
  'linked-issue': checkLinkedIssue,
  draft: checkDraft,
};

/** The pull-request fields a rule reads, and how a local user supplies each. */
const NEEDS: Partial<Record<StyleRuleId, (keyof KnownFields)[]>> = {
  'title-conventional': ['title'],
  'body-sections': ['body'],
  'linked-issue': ['body'],
  labels: ['labels'],
};
const SUPPLIED_BY: Record<keyof KnownFields, string> = { title: '--title', body: '--body-file', labels: '--label' };

function missingField(rule: StyleRuleId, pr: StyleInput['pr']): string | null {
  const missing = (NEEDS[rule] ?? []).find((field) => !pr.known[field]);
  return missing ? `no pull-request ${missing} to check (steward check takes ${SUPPLIED_BY[missing]})` : null;
}

export function runStyleRules(input: StyleInput): StyleResult {
  const outcomes = STYLE_RULE_IDS.map((rule) => runRule(rule, input));
  const findings: Finding[] = outcomes.filter((o) => o.status !== 'waived').flatMap((o) => o.findings);
  return { outcomes, findings, conclusion: conclude(outcomes, findings, input) };
}

function runRule<K extends StyleRuleId>(rule: K, input: StyleInput): RuleOutcome {
  const options = input.config.rules[rule] as StyleRules[K] | undefined;
  if (!options) return { rule, status: 'off', severity: 'off', details: 'not configured', findings: [] };
  if (options.severity === 'off') return { rule, status: 'off', severity: 'off', details: 'off', findings: [] };
  const result = guard(rule, options, () => {
    const scope = decideScope(rule, options, input.config, input.pr);
    if (scope.skip !== null) return skipped(scope.skip);
    const missing = missingField(rule, input.pr);
    if (missing !== null) return skipped(missing);
    const scoped: StyleInput = scope.files === input.pr.files ? input : { ...input, pr: { ...input.pr, files: scope.files } };
    return applyTruncation(rule, options, input.pr, CHECKS[rule](scoped, options));
  });
  return applyWaiver({ rule, severity: options.severity, ...result }, findWaiver(input.waivers, rule));
}

/** A bug in one rule (or data it did not expect) must not take the whole check down, nor let it pass. */
function guard(rule: StyleRuleId, options: RuleBase, run: () => CheckResult): CheckResult {
  try {
    return run();
  } catch (error) {
    const finding = styleFinding(rule, options, `The ${rule} rule failed unexpectedly: ${(error as Error)?.message ?? String(error)}`, {
      hint: 'This is a bug in Steward; please report it with the pull request that triggered it.',
    });
    return { status: 'incomplete', details: 'the rule failed unexpectedly', findings: [finding] };
  }
}

function conclude(outcomes: RuleOutcome[], findings: Finding[], input: StyleInput): StyleResult['conclusion'] {
  const draft = outcomes.find((o) => o.rule === 'draft');
  if (draft?.status === 'fail' && input.config.rules.draft?.neutral !== false) return 'neutral';
  return findings.some((f) => f.severity === 'error') ? 'failure' : 'success';
}
