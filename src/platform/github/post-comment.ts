/** A comment on an issue or pull request. */
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

export async function postComment(client: GitHubClient, repo: { owner: string; repo: string }, issueNumber: number, body: string): Promise<void> {
  try {
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issueNumber, body });
  } catch (error) {
    throw toGitHubError(error, `POST /repos/${repo.owner}/${repo.repo}/issues/${issueNumber}/comments`);
  }
}
