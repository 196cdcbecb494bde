/** Cancels a workflow run (a cancelled evaluation, a superseded head). A run that already finished answers 409: nothing left to do. */
import type { RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { describeCall, statusOf } from './rest-call.js';
import { toGitHubError } from './to-github-error.js';

export async function cancelWorkflowRun(client: GitHubClient, repo: RepoName, id: number): Promise<void> {
  const route = 'POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel';
  const params = { ...repo, run_id: id };
  try {
    await client.request(route, params);
  } catch (error) {
    if (statusOf(error) === 409) return;
    throw toGitHubError(error, describeCall(route, params));
  }
}
