/** commit-signoff (DCO): every commit carries a Signed-off-by of its author or committer. */
import type { CommitSignoffOptions } from '../../../config/types.js';
import type { Commit, PullRequest } from '../../pull-request.js';
import type { Finding } from '../../findings.js';
import type { RuleCheck } from '../types.js';
import { formatIdentity, parseSignoffs, signsFor } from '../parse-signoffs.js';
import { outcome, styleFinding } from '../rule-outcome.js';
import { plural, shortSha } from '../format-text.js';
import { signoffHint } from '../signoff-hint.js';

const RULE = 'commit-signoff';

type Skip = 'merge' | 'bot' | 'member';

export const checkCommitSignoff: RuleCheck<CommitSignoffOptions> = (input, options) => {
  const skips: Record<Skip, number> = { merge: 0, bot: 0, member: 0 };
  const failing: { commit: Commit; problem: string }[] = [];
  // GitHub logins are case-insensitive.
  const members = new Set([...input.orgMembers].map((m) => m.toLowerCase()));
  for (const commit of input.pr.commits) {
    const skip = skipReason(commit, members, options);
    if (skip) {
      skips[skip]++;
      continue;
    }
    const problem = signoffProblem(commit);
    if (problem) failing.push({ commit, problem });
  }
  const hints = hintsByAuthor(failing.map((f) => f.commit), input.pr);
  const findings: Finding[] = failing.map(({ commit, problem }) =>
    styleFinding(RULE, options, problem, { commit: commit.sha, hint: hints.get(authorKey(commit)) ?? null }));
  return outcome(details(input.pr.commits.length, skips, failing.length), findings);
};

function skipReason(commit: Commit, members: ReadonlySet<string>, options: CommitSignoffOptions): Skip | null {
  if (commit.parentCount > 1) return 'merge';
  if (commit.author.type === 'Bot') return 'bot';
  if (options['skip-verified-members'] && commit.verified === true && members.has(commit.author.login?.toLowerCase() ?? '')) return 'member';
  return null;
}

/** null when signed off; otherwise the finding's message. */
function signoffProblem(commit: Commit): string | null {
  const { signoffs, malformed } = parseSignoffs(commit.message ?? '');
  const { author, committer } = commit;
  if (signoffs.some((s) => signsFor(s, author) || signsFor(s, committer))) return null;
  const sha = shortSha(commit.sha);
  const expected = formatIdentity(author);
  const alsoCommitter = signsFor({ name: committer.name, email: committer.email, line: '' }, author)
    ? '' : ` or its committer ${formatIdentity(committer)}`;
  if (signoffs.length > 0) {
    const found = signoffs.map((s) => `'${s.line}'`).join(', ');
    return `Commit ${sha} is signed off as ${found}, not by its author ${expected}${alsoCommitter}`;
  }
  if (malformed.length > 0) return `Commit ${sha} has a Signed-off-by line without 'Name <email>' ('${malformed[0]}'); expected one for ${expected}`;
  return `Commit ${sha} has no Signed-off-by line for ${expected}`;
}

const authorKey = (commit: Commit): string => formatIdentity(commit.author).toLowerCase();

/** One remediation per author, computed once: a 10,000-commit PR must stay linear. */
function hintsByAuthor(failing: Commit[], pr: PullRequest): Map<string, string> {
  const groups = new Map<string, Commit[]>();
  for (const commit of failing) {
    const key = authorKey(commit);
    const group = groups.get(key);
    if (group) group.push(commit);
    else groups.set(key, [commit]);
  }
  return new Map([...groups].map(([key, commits]) => [key, signoffHint(commits[0]!.author, commits, pr)]));
}

function details(total: number, skips: Record<Skip, number>, failed: number): string {
  const skipped = [
    skips.merge ? plural(skips.merge, 'merge commit') : '',
    skips.bot ? plural(skips.bot, 'bot commit') : '',
    skips.member ? plural(skips.member, 'verified member commit') : '',
  ].filter(Boolean);
  const parts = [`${plural(total - skips.merge - skips.bot - skips.member, 'commit')} checked`];
  if (skipped.length > 0) parts.push(`${skipped.join(', ')} skipped`);
  if (failed > 0) parts.push(`${failed} without a matching sign-off`);
  return parts.join('; ');
}
