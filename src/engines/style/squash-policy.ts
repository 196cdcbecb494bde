/** What lands on the base branch when the pull request is merged (research §4.7). */
import type { PullRequest } from '../pull-request.js';

/** Commits the pull request really has, also past a cap. */
export function totalCommits(pr: PullRequest): number {
  return pr.truncated.commits?.total ?? pr.commits.length;
}

/** True when the only way to merge is a squash whose message is the PR title: the commits' own
 *  messages never reach the base branch. GitHub's COMMIT_OR_PR_TITLE uses the commit's message
 *  for a single-commit pull request, so that one commit still lands and is linted. */
export function titleReplacesCommits(pr: PullRequest): boolean {
  const r = pr.repository;
  const squashOnly = r.squashMergeAllowed && !r.mergeCommitAllowed && !r.rebaseMergeAllowed;
  if (!squashOnly) return false;
  if (r.squashMergeCommitTitle === 'PR_TITLE') return true;
  return r.squashMergeCommitTitle === 'COMMIT_OR_PR_TITLE' && totalCommits(pr) > 1;
}
