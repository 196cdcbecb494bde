/** Where a pull request's head lives (fork or not), its head commit and whether it is open, per GET /repos/{owner}/{repo}/pulls/{pull_number}. */
import type { PullRequestOrigin, RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

interface PullAnswer {
  state: string;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { repo: { full_name: string } };
}

export async function readPullRequestOrigin(client: GitHubClient, repo: RepoName, number: number): Promise<PullRequestOrigin> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number });
    const pr = data as PullAnswer;
    const head = pr.head.repo?.full_name.toLowerCase() ?? null;
    return { headSha: pr.head.sha, headRef: pr.head.ref, fromFork: head !== pr.base.repo.full_name.toLowerCase(), open: pr.state === 'open' };
  } catch (error) {
    throw toGitHubError(error, `GET /repos/${repo.owner}/${repo.repo}/pulls/${number}`);
  }
}
