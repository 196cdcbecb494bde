/**
 * The GitHub side of the App's evaluation tests: the default branch's config, the pull request's
 * origin, workflow dispatches (bodies recorded), the `Steward / evaluation` check as GitHub keeps it,
 * artifacts behind GitHub's redirect to storage, and workflow_run.completed payloads.
 */
import nock from 'nock';
import type { ShardSpec } from '../../../src/engines/eval/shard-types.js';
import { checkRunResponse, issueCommentResponse, pullRequestResponse, restExample, withOverrides } from '../../support/github-fixtures.js';
import type { MockGitHub, RestRequest } from '../../support/mock-github.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { HEAD, INSTALLATION, NUMBER, OWNER, REPO, REPO_PATH, pullRequestEvent } from './github-world.js';

export const EVAL_CHECK_ID = 9090;
export const COMMENT_ID = 7070;
export const STORAGE = 'https://productionresultssa3.blob.core.windows.net';
export const COMMAND = 'lm_eval --tasks {task} --model_args pretrained={model} --offset {offset} --limit {limit} --output_path {output}';

/** One pool with room for both shards, round-robin (no runner reads), one retry. */
export const EVAL_CONFIG = `evaluation:
  strategy: round-robin
  retries: 1
  pools:
    - { name: gpu, runs-on: [self-hosted, gpu], capacity: 4 }
  suites:
    default:
      shards: 2
      command: "${COMMAND}"
      tasks:
        - { name: hellaswag, cost: 1000 }
        - { name: arc, cost: 600 }
        - { name: mmlu, cost: 400 }
`;

/** The repository's .github/steward.yml and (absent) the organisation's, read once each. */
export function mockConfigReads(gh: MockGitHub, text = EVAL_CONFIG): void {
  gh.graphql((q, v) => q.includes('StewardReadFile') && v.owner === OWNER && v.name === REPO,
    { data: { repository: { object: { __typename: 'Blob', text } } } });
  gh.graphql((q, v) => q.includes('StewardReadFile') && v.owner === OWNER && v.name === '.github',
    { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${OWNER}/.github'.` }] });
}

/** GET pulls/{n}: open, head at HEAD, in the repository itself or in a fork. */
export function mockPullOrigin(gh: MockGitHub, options: { fork?: boolean } = {}): void {
  gh.rest('GET', `${REPO_PATH}/pulls/${NUMBER}`, {}, 200, pullRequestResponse({
    number: NUMBER, state: 'open',
    head: { sha: HEAD, ref: 'changes', repo: { full_name: options.fork ? 'octo-fork/Hello-World' : `${OWNER}/${REPO}` } },
    base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
  }));
}

export function mockDefaultBranch(gh: MockGitHub, branch = 'main'): void {
  gh.rest('GET', REPO_PATH, {}, 200, withOverrides(restExample('GET', '/repos/{owner}/{repo}'), { default_branch: branch, language: 'Python', source: { language: null } }));
}

export interface SentDispatch {
  body: { ref: string; inputs: { dispatch: string; shards: string }; return_run_details?: boolean };
  specs: ShardSpec[];
}

/** POST dispatches answered 200 with `workflowRunId` (return_run_details), the body recorded. */
export function mockDispatch(gh: MockGitHub, sent: SentDispatch[], workflowRunId: number): void {
  const answer = withOverrides(restExample('POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'), {
    workflow_run_id: workflowRunId,
    run_url: `https://api.github.com${REPO_PATH}/actions/runs/${workflowRunId}`,
    html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${workflowRunId}`,
  });
  gh.rest('POST', `${REPO_PATH}/actions/workflows/steward-eval.yml/dispatches`, {}, 200, (req: RestRequest) => {
    const body = req.body as SentDispatch['body'];
    sent.push({ body, specs: JSON.parse(body.inputs.shards) as ShardSpec[] });
    return answer;
  });
}

/** The evaluation check run as GitHub keeps it between reads and writes. */
export interface EvalCheck {
  current: { status: string; conclusion: string | null; summary: string } | null;
  writes: Record<string, unknown>[];
}

/** `finds` reads of the commit's check runs, `creates` POSTs and `updates` PATCHes, in whatever order the App sends them. */
export function mockEvalCheck(gh: MockGitHub, check: EvalCheck, counts: { finds: number; creates?: number; updates?: number }): void {
  gh.rest('GET', `${REPO_PATH}/commits/${HEAD}/check-runs`, { times: counts.finds }, 200, () => (check.current
    ? {
      total_count: 1,
      check_runs: [checkRunResponse({
        id: EVAL_CHECK_ID, head_sha: HEAD, name: 'Steward / evaluation', status: check.current.status, conclusion: check.current.conclusion,
        output: { title: 'Steward', summary: check.current.summary, text: null, annotations_count: 0 },
      })],
    }
    : { total_count: 0, check_runs: [] }));
  const record = (req: RestRequest) => {
    const body = req.body as { status?: string; conclusion?: string; output: { summary: string } };
    check.writes.push(req.body as Record<string, unknown>);
    check.current = { status: body.status ?? 'completed', conclusion: body.conclusion ?? null, summary: body.output.summary };
    return checkRunResponse({ id: EVAL_CHECK_ID, head_sha: HEAD, name: 'Steward / evaluation' });
  };
  if (counts.creates) gh.rest('POST', `${REPO_PATH}/check-runs`, { times: counts.creates }, 201, record);
  if (counts.updates) gh.rest('PATCH', `${REPO_PATH}/check-runs/${EVAL_CHECK_ID}`, { times: counts.updates }, 200, record);
}

/** POST issues/{n}/comments, `times` times, bodies recorded; answered with COMMENT_ID. */
export function mockComments(gh: MockGitHub, bodies: string[], times = 1): void {
  gh.rest('POST', `${REPO_PATH}/issues/${NUMBER}/comments`, { times }, 201, (req: RestRequest) => {
    bodies.push((req.body as { body: string }).body);
    return issueCommentResponse({ id: COMMENT_ID });
  });
}

export interface Upload {
  id: number;
  name: string;
  zip: Uint8Array;
}

/** GET the run's artifacts, then each download: GitHub's 302 to storage, storage serving the zip. */
export function mockArtifacts(gh: MockGitHub, workflowRunId: number, uploads: Upload[]): nock.Scope {
  const [example] = (restExample('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts') as { artifacts: Record<string, unknown>[] }).artifacts;
  gh.rest('GET', `${REPO_PATH}/actions/runs/${workflowRunId}/artifacts`, {}, 200, {
    total_count: uploads.length,
    artifacts: uploads.map((u) => ({ ...example!, id: u.id, name: u.name, size_in_bytes: u.zip.byteLength, expired: false })),
  });
  const storage = nock(STORAGE);
  for (const u of uploads) {
    const blob = `/actions-results/4f2b/workflow-job-run-${u.id}/artifacts/${u.name}.zip`;
    gh.rest('GET', `${REPO_PATH}/actions/artifacts/${u.id}/zip`, { headers: { location: `${STORAGE}${blob}?sig=abc&se=2026-11-28T16%3A00%3A00Z` } }, 302);
    storage.get(blob).query(true).reply(200, Buffer.from(u.zip), { 'content-type': 'application/zip' });
  }
  return storage;
}

/** workflow_run.completed of the evaluation workflow, for the dispatch `dispatchId` that GitHub ran as `workflowRunId`. */
export function workflowRunEvent(workflowRunId: number, dispatchId: string, conclusion = 'success') {
  const payload = loadWebhookExample('workflow_run', 'completed');
  payload.repository = pullRequestEvent().repository;
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  Object.assign(payload.workflow_run, {
    id: workflowRunId, event: 'workflow_dispatch', conclusion, status: 'completed', name: 'Steward evaluation',
    display_title: `Steward evaluation ${dispatchId}`, path: '.github/workflows/steward-eval.yml',
    run_started_at: '2025-03-01T12:00:00Z', updated_at: '2025-03-01T12:07:00Z',
  });
  return payload;
}
