/**
 * Starts a workflow_dispatch run. Asks for `return_run_details` so GitHub answers 200 with the run's
 * id (no search by run-name needed); older GitHub Enterprise Server versions reject the unknown
 * field with 400/422, and then the dispatch is sent once more without it (204, id unknown).
 */
import type { RepoName, WorkflowDispatch } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';
import { describeCall, statusOf } from './rest-call.js';

const ROUTE = 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches';

export async function dispatchWorkflow(client: GitHubClient, repo: RepoName, dispatch: WorkflowDispatch): Promise<{ workflowRunId: number | null }> {
  const params = { ...repo, workflow_id: dispatch.workflow, ref: dispatch.ref, inputs: dispatch.inputs };
  try {
    const { status, data } = await client.request(ROUTE, { ...params, return_run_details: true });
    return { workflowRunId: status === 200 ? runIdOf(data) : null };
  } catch (error) {
    if (!refusesRunDetails(error)) throw toGitHubError(error, describeCall(ROUTE, params));
  }
  try {
    await client.request(ROUTE, params);
    return { workflowRunId: null };
  } catch (error) {
    throw toGitHubError(error, describeCall(ROUTE, params));
  }
}

function runIdOf(data: unknown): number | null {
  const id = (data as { workflow_run_id?: unknown } | null)?.workflow_run_id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

function refusesRunDetails(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== 400 && status !== 422) return false;
  const e = error as { message?: unknown; response?: { data?: unknown } };
  const said = `${String(e.message ?? '')} ${JSON.stringify(e.response?.data ?? '')}`;
  return said.includes('return_run_details');
}
