/** Checks API: create, update, get, and list check runs for a ref, from the stand-in's state. */
import type { CheckRunState } from './state.js';
import { example, isAnswer, notFound, now, page, repoOf, type RestContext, type RestHandler } from './rest-kit.js';

const ONE = '/repos/{owner}/{repo}/check-runs/{check_run_id}';

function toAnswer(run: CheckRunState, context: RestContext): Record<string, unknown> {
  const url = `${context.url}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`;
  return example('GET', ONE, {
    id: run.id, node_id: `CR_${run.id}`, head_sha: run.head_sha, name: run.name, status: run.status, conclusion: run.conclusion,
    started_at: run.started_at, completed_at: run.completed_at, details_url: run.details_url, external_id: run.external_id,
    url, html_url: url, output: { ...run.output, annotations_url: `${url}/annotations` }, pull_requests: [],
    app: { id: context.appId },
  });
}

function annotationCount(body: Record<string, unknown>): number {
  const output = body.output as { annotations?: unknown[] } | undefined;
  return output?.annotations?.length ?? 0;
}

function applyBody(run: CheckRunState, body: Record<string, unknown>): void {
  for (const key of ['name', 'status', 'conclusion', 'details_url', 'external_id', 'started_at', 'completed_at'] as const) {
    if (body[key] !== undefined) (run as unknown as Record<string, unknown>)[key] = body[key];
  }
  if (body.conclusion !== undefined && body.status === undefined) run.status = 'completed';
  if (run.status === 'completed' && !run.completed_at) run.completed_at = now();
  const output = body.output as Partial<CheckRunState['output']> | undefined;
  if (output) {
    run.output = {
      title: output.title ?? run.output.title, summary: output.summary ?? run.output.summary,
      text: output.text ?? run.output.text, annotations_count: run.output.annotations_count + annotationCount(body),
    };
  }
}

const create: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  const run: CheckRunState = {
    id: context.state.nextId(), owner: repo.owner, repo: repo.name, name: String(context.body.name), head_sha: String(context.body.head_sha),
    status: 'queued', conclusion: null, started_at: now(), completed_at: null, details_url: null, external_id: null,
    output: { title: null, summary: null, text: null, annotations_count: 0 },
  };
  applyBody(run, context.body);
  context.state.checkRuns.push(run);
  return { status: 201, body: toAnswer(run, context) };
};

function findRun(context: RestContext): CheckRunState | undefined {
  const { owner = '', repo = '', check_run_id: id } = context.params;
  return context.state.checkRuns.find((r) => r.id === Number(id) && r.owner.toLowerCase() === owner.toLowerCase() && r.repo.toLowerCase() === repo.toLowerCase());
}

const update: RestHandler = (context) => {
  const run = findRun(context);
  if (!run) return notFound();
  applyBody(run, context.body);
  return { status: 200, body: toAnswer(run, context) };
};

const get: RestHandler = (context) => {
  const run = findRun(context);
  return run ? { status: 200, body: toAnswer(run, context) } : notFound();
};

/** Newest first, as GitHub lists them; filter=latest keeps the newest run per name. */
const listForRef: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  const { query } = context;
  let runs = context.state.checkRuns
    .filter((r) => r.owner === repo.owner && r.repo === repo.name && r.head_sha === context.params.ref)
    .filter((r) => !query.check_name || r.name === query.check_name)
    .filter((r) => !query.status || r.status === query.status)
    .filter(() => !query.app_id || Number(query.app_id) === context.appId)
    .reverse();
  if (query.filter !== 'all') runs = runs.filter((r, i) => runs.findIndex((o) => o.name === r.name) === i);
  return { status: 200, body: { total_count: runs.length, check_runs: page(runs, query).map((r) => toAnswer(r, context)) } };
};

export const CHECK_HANDLERS: Record<string, RestHandler> = {
  'POST /repos/{owner}/{repo}/check-runs': create,
  [`PATCH ${ONE}`]: update,
  [`GET ${ONE}`]: get,
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': listForRef,
};
