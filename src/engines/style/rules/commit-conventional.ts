/** commit-conventional: every commit message that will land is a Conventional Commit. */
import type { CommitConventionalOptions } from '../../../config/types.js';
import type { Commit, PullRequest } from '../../pull-request.js';
import type { Finding } from '../../findings.js';
import type { RuleCheck, StyleInput } from '../types.js';
import { createCommitLinter, type CommitLinter, type LintVerdict } from '../lint-messages.js';
import { describeLintErrors, type Convention } from '../describe-lint.js';
import { suggestHeader } from '../suggest-header.js';
import { configProblem, outcome, skipped, styleFinding } from '../rule-outcome.js';
import { titleReplacesCommits, totalCommits } from '../squash-policy.js';
import { plural, quoteLine, shortSha } from '../format-text.js';

const RULE = 'commit-conventional';
export const SQUASH_SKIP = 'squash-merged with the PR title as message: the title is linted instead';

export const checkCommitConventional: RuleCheck<CommitConventionalOptions> = (input, options) => {
  const { pr } = input;
  if (options['squash-aware'] && titleReplacesCommits(pr)) return skipped(squashDetails(input));
  const types = options.types ?? input.config.rules['title-conventional']?.types ?? null;
  let lint: CommitLinter;
  try {
    lint = createCommitLinter({
      types,
      headerMaxLength: options['header-max-length'],
      bodyMaxLineLength: options['body-max-line-length'],
    });
  } catch (error) {
    return configProblem(RULE, options, (error as Error).message);
  }
  const convention: Convention & { requireScopeFor: string[] } = { types: types ?? [], scopes: [], requireScopeFor: [] };
  const findings: Finding[] = [];
  let ignored = 0;
  for (const commit of pr.commits) {
    const verdict = lint(commit.message ?? '');
    if (verdict.ignored) ignored++;
    if (!verdict.valid) findings.push(commitFinding(commit, verdict, convention, lint, pr, options));
  }
  return outcome(details(pr.commits.length, ignored, findings.length), findings);
};

function squashDetails(input: StyleInput): string {
  const title = input.config.rules['title-conventional'];
  return title?.severity === 'off' ? `${SQUASH_SKIP} (but title-conventional is off)` : SQUASH_SKIP;
}

function details(checked: number, ignored: number, failed: number): string {
  const parts = [`${plural(checked, 'commit')} checked`];
  if (ignored > 0) parts.push(`${ignored} ignored (merge, revert, fixup!, version bump)`);
  if (failed > 0) parts.push(`${failed} not conventional`);
  return parts.join(', ');
}

function commitFinding(
  commit: Commit, verdict: LintVerdict, convention: Convention & { requireScopeFor: string[] },
  lint: CommitLinter, pr: PullRequest, options: CommitConventionalOptions,
): Finding {
  const sha = shortSha(commit.sha);
  const header = verdict.header ?? '';
  const empty = verdict.errors.some((e) => e.name === 'message-empty');
  const message = empty
    ? `Commit ${sha} has an empty message`
    : `Commit ${sha} '${quoteLine(header, 100)}' is not a Conventional Commit: ${describeLintErrors(verdict, convention)}`;
  const example = empty ? null : suggestHeader(header, verdict, convention, lint);
  return styleFinding(RULE, options, message, { commit: commit.sha, hint: rewordHint(commit, pr, example) });
}

function rewordHint(commit: Commit, pr: PullRequest, example: string | null): string {
  const wording = example ? `, e.g. '${example}'` : " as 'type(scope): subject'";
  const last = pr.commits[pr.commits.length - 1]?.sha === commit.sha;
  const amend = last ? `git commit --amend (last commit only)` : null;
  const rebase = `git rebase -i HEAD~${totalCommits(pr)} and mark ${shortSha(commit.sha)} as 'reword'`;
  return `Reword the message${wording}: ${amend ? `${amend}, or ` : ''}${rebase}; then git push --force-with-lease.`;
}
