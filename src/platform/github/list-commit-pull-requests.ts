/**
 * The open pull requests whose head is a commit, per GET /repos/{owner}/{repo}/commits/{sha}/pulls.
 * It lists pull requests from forks too, where check suite payloads list none.
 */
import type { RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

interface PullAnswer {
  number: number;
  state: string;
  head: { sha: string };
}

export async function listCommitPullRequests(client: GitHubClient, repo: RepoName, sha: string): Promise<number[]> {
  let data: unknown;
  try {
    ({ data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...repo, commit_sha: sha, per_page: 100 }));
  } catch (error) {
    throw toGitHubError(error, `GET /repos/${repo.owner}/${repo.repo}/commits/${sha}/pulls`);
  }
  // GitHub also lists merged and closed pull requests, and ones the commit is merely part of.
  return (data as PullAnswer[]).filter((pr) => pr.state === 'open' && pr.head.sha === sha).map((pr) => pr.number);
}
