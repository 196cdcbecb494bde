/** Workflow runs as the dispatcher needs them: which dispatch a run is (its run-name), its state and minutes. */
import type { RepoName, WorkflowRunInfo } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { restCall } from './rest-call.js';

interface RunAnswer {
  id: number;
  display_title: string;
  status: string | null;
  conclusion: string | null;
  head_sha: string;
  run_started_at?: string;
  created_at: string;
  updated_at: string;
}

/** One page of 100, newest first: the dispatcher looks only for runs it started moments ago. */
export async function listWorkflowRuns(client: GitHubClient, repo: RepoName, workflow: string, options: { createdAfter: Date }): Promise<WorkflowRunInfo[]> {
  const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
    ...repo, workflow_id: workflow, event: 'workflow_dispatch', created: `>=${toSearchDate(options.createdAfter)}`, per_page: 100,
  });
  return (data as { workflow_runs: RunAnswer[] }).workflow_runs.map(toRunInfo);
}

export async function getWorkflowRun(client: GitHubClient, repo: RepoName, id: number): Promise<WorkflowRunInfo> {
  const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...repo, run_id: id });
  return toRunInfo(data as RunAnswer);
}

export function toRunInfo(run: RunAnswer): WorkflowRunInfo {
  return {
    id: run.id,
    displayTitle: run.display_title,
    status: run.status ?? 'unknown',
    conclusion: run.conclusion,
    headSha: run.head_sha,
    minutes: minutesBetween(run.run_started_at ?? run.created_at, run.updated_at),
  };
}

/** GitHub's date search takes whole seconds; rounding down keeps a run started in that second. */
function toSearchDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Wall-clock minutes of the run so far (a re-run restarts run_started_at); never negative. */
function minutesBetween(start: string, end: string): number {
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms > 0 ? ms / 60_000 : 0;
}
