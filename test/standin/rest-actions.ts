/** Actions: workflow dispatches (which queue a run, as GitHub does), runs, cancel, runners, artifacts. */
import type { RunState } from './state.js';
import { renderRunName } from './run-name.js';
import {
  example, isAnswer, notFound, page, repoOf, workflowNumber, type RestContext, type RestHandler,
} from './rest-kit.js';

const RUN = '/repos/{owner}/{repo}/actions/runs/{run_id}';

function runAnswer(run: RunState, context: RestContext): Record<string, unknown> {
  const url = `${context.url}/repos/${run.owner}/${run.repo}/actions/runs/${run.id}`;
  return example('GET', RUN, {
    id: run.id, node_id: `WFR_${run.id}`, head_sha: run.headSha, status: run.status, conclusion: run.conclusion,
    workflow_id: workflowNumber(run.workflowId), event: 'workflow_dispatch', created_at: run.created_at, updated_at: run.updated_at ?? run.created_at,
    run_started_at: run.created_at, url, html_url: url, display_title: run.displayTitle ?? `Steward run ${run.id}`,
  });
}

/** The dispatch queues a run at once; with return_run_details GitHub answers 200 with its id. */
const dispatch: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  const workflowId = context.params.workflow_id ?? '';
  const ref = String(context.body.ref);
  const inputs = (context.body.inputs ?? {}) as Record<string, unknown>;
  context.state.dispatches.push({ owner: repo.owner, repo: repo.name, workflowId, ref, inputs, at: Date.now() });
  const headSha = /^[0-9a-f]{40}$/.test(ref) ? ref : Buffer.from(ref).toString('hex').padEnd(40, '0').slice(0, 40);
  const run: RunState = {
    id: context.state.nextId(), owner: repo.owner, repo: repo.name, workflowId, headSha, status: 'queued', conclusion: null,
    created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const title = renderRunName(repo, workflowId, ref, inputs);
  if (title !== null) run.displayTitle = title;
  context.state.runs.push(run);
  if (context.body.return_run_details !== true) return { status: 204 };
  const url = `${context.url}/repos/${repo.owner}/${repo.name}/actions/runs/${run.id}`;
  return { status: 200, body: example('POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
    workflow_run_id: run.id, run_url: url, html_url: url,
  }, 200) };
};

const listRuns: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  const runs = context.state.runs
    .filter((r) => r.owner === repo.owner && r.repo === repo.name && r.workflowId === context.params.workflow_id)
    .filter((r) => !context.query.head_sha || r.headSha === context.query.head_sha)
    .reverse();
  return { status: 200, body: { total_count: runs.length, workflow_runs: page(runs, context.query).map((r) => runAnswer(r, context)) } };
};

function findRun(context: RestContext): RunState | undefined {
  return context.state.runs.find((r) => r.id === Number(context.params.run_id));
}

const getRun: RestHandler = (context) => {
  const run = findRun(context);
  return run ? { status: 200, body: runAnswer(run, context) } : notFound();
};

const cancelRun: RestHandler = (context) => {
  const run = findRun(context);
  if (!run) return notFound();
  if (run.status !== 'completed') Object.assign(run, { status: 'completed', conclusion: 'cancelled' });
  return { status: 202, body: {} };
};

const listArtifacts: RestHandler = (context) => (findRun(context) ? { status: 200, body: { total_count: 0, artifacts: [] } } : notFound());

/** No self-hosted runners: Steward then falls back to GitHub-hosted ones. */
const listRunners: RestHandler = () => ({ status: 200, body: { total_count: 0, runners: [] } });

export const ACTIONS_HANDLERS: Record<string, RestHandler> = {
  'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches': dispatch,
  'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs': listRuns,
  [`GET ${RUN}`]: getRun,
  'POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel': cancelRun,
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': listArtifacts,
  'GET /orgs/{org}/actions/runners': listRunners,
  'GET /repos/{owner}/{repo}/actions/runners': listRunners,
};

