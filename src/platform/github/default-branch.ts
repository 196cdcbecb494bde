/** The branch workflow_dispatch reads the evaluation workflow from: the repository's default one. */
import type { RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { restCall } from './rest-call.js';

export async function defaultBranch(client: GitHubClient, repo: RepoName): Promise<string> {
  const { data } = await restCall(client, 'GET /repos/{owner}/{repo}', { ...repo });
  return (data as { default_branch: string }).default_branch;
}
