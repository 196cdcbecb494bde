/** The exact commands that fix missing sign-offs, for one author (dcoapp's per-author remediation). */
import type { Commit, Person, PullRequest } from '../pull-request.js';
import { formatIdentity } from './parse-signoffs.js';
import { totalCommits } from './squash-policy.js';

export function signoffHint(author: Person, failing: readonly Commit[], pr: PullRequest): string {
  const identity = formatIdentity(author);
  const trailer = `Signed-off-by: ${identity}`;
  const last = pr.commits[pr.commits.length - 1];
  const onlyLast = failing.length === 1 && last !== undefined && failing[0]!.sha === last.sha;
  // HEAD~N walks first parents only: with merge commits in the range, rebase onto the base instead.
  const hasMerges = pr.commits.some((c) => c.parentCount > 1);
  const upstream = hasMerges ? `origin/${pr.baseRef}` : `HEAD~${totalCommits(pr)}`;
  const steps = [
    `As ${identity} (git config user.name '${author.name.trim()}' and user.email '${author.email.trim()}'):`,
    onlyLast ? `git commit --amend --signoff --no-edit && git push --force-with-lease, or for every commit:` : null,
    `git rebase --signoff ${upstream} && git push --force-with-lease.`,
    `The trailer must read exactly '${trailer}'.`,
  ];
  return steps.filter(Boolean).join(' ');
}
