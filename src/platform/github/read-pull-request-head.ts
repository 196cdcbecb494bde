/** A pull request's current head commit, per GET /repos/{owner}/{repo}/pulls/{pull_number}. */
import type { RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

export async function readPullRequestHead(client: GitHubClient, repo: RepoName, number: number): Promise<string> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number });
    return (data as { head: { sha: string } }).head.sha;
  } catch (error) {
    throw toGitHubError(error, `GET /repos/${repo.owner}/${repo.repo}/pulls/${number}`);
  }
}
