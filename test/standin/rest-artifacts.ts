/**
 * Workflow runs that finish, and their artifacts, as GitHub serves them: the run's artifact list,
 * the download answered `302` to a short-lived storage URL (GitHub's blob storage; here the
 * stand-in's own `/_storage/…`, outside the REST API and not recorded), and the zip served there.
 *
 *   completeWorkflowRun(standin.state, runId, { conclusion: 'success', artifacts: [{ name, zip }] })
 *
 * Artifacts live beside the state (a WeakMap), so state.ts needs no new field.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunState, State } from './state.js';
import { example, isAnswer, notFound, now, page, repoOf, type RestHandler } from './rest-kit.js';

export interface ArtifactState { id: number; runId: number; owner: string; repo: string; name: string; zip: Uint8Array; expired: boolean; created_at: string }
export interface Upload { name: string; zip: Uint8Array; expired?: boolean }

export const STORAGE_PREFIX = '/_storage/artifacts/';
const stores = new WeakMap<State, ArtifactState[]>();

export function artifactsOf(state: State): ArtifactState[] {
  let list = stores.get(state);
  if (!list) stores.set(state, (list = []));
  return list;
}

/** The run ends as GitHub ends it: completed with a conclusion, each job's upload kept as an artifact. */
export function completeWorkflowRun(state: State, runId: number, outcome: { conclusion?: 'success' | 'failure' | 'cancelled'; artifacts?: Upload[] } = {}): RunState {
  const run = state.runs.find((r) => r.id === runId);
  if (!run) throw new Error(`The stand-in has no workflow run ${runId}; runs: ${state.runs.map((r) => r.id).join(', ') || 'none'}`);
  run.status = 'completed';
  run.conclusion = outcome.conclusion ?? 'success';
  run.updated_at = now();
  for (const upload of outcome.artifacts ?? []) {
    artifactsOf(state).push({
      id: state.nextId(), runId, owner: run.owner, repo: run.repo, name: upload.name, zip: upload.zip,
      expired: upload.expired ?? false, created_at: now(),
    });
  }
  return run;
}

function artifactAnswer(a: ArtifactState, url: string, headSha: string): Record<string, unknown> {
  const self = `${url}/repos/${a.owner}/${a.repo}/actions/artifacts/${a.id}`;
  const [item] = (example('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {}) as { artifacts: Record<string, unknown>[] }).artifacts;
  return {
    ...item,
    id: a.id, node_id: `MDg6QXJ0aWZhY3Q${a.id}`, name: a.name, size_in_bytes: a.zip.byteLength, url: self,
    archive_download_url: `${self}/zip`, expired: a.expired, created_at: a.created_at, updated_at: a.created_at,
    expires_at: new Date(Date.now() + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    workflow_run: { id: a.runId, repository_id: 1, head_repository_id: 1, head_branch: 'main', head_sha: headSha },
  };
}

const listRunArtifacts: RestHandler = (context) => {
  const run = context.state.runs.find((r) => r.id === Number(context.params.run_id));
  if (!run) return notFound();
  const all = artifactsOf(context.state).filter((a) => a.runId === run.id && (!context.query.name || a.name === context.query.name));
  return { status: 200, body: { total_count: all.length, artifacts: page(all, context.query).map((a) => artifactAnswer(a, context.url, run.headSha)) } };
};

/** GitHub answers 302 to storage for a live artifact, 410 for an expired one. */
const download: RestHandler = (context) => {
  const repo = repoOf(context);
  if (isAnswer(repo)) return repo;
  const artifact = artifactsOf(context.state).find((a) => a.id === Number(context.params.artifact_id) && a.owner === repo.owner && a.repo === repo.name);
  if (!artifact || context.params.archive_format !== 'zip') return notFound();
  if (artifact.expired) return { status: 410, body: { message: 'Artifact has expired', documentation_url: 'https://docs.github.com/rest' } };
  const storage = context.url.replace(/\/api\/v3$/, '');
  return { status: 302, headers: { location: `${storage}${STORAGE_PREFIX}${artifact.id}.zip?sig=standin&se=${encodeURIComponent(now())}` } };
};

/** Serves `/_storage/artifacts/<id>.zip` (true when the request was one); storage takes no GitHub token. */
export function serveStorage(state: State, req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://standin').pathname;
  if (!path.startsWith(STORAGE_PREFIX)) return false;
  const id = Number(path.slice(STORAGE_PREFIX.length).replace(/\.zip$/, ''));
  const artifact = artifactsOf(state).find((a) => a.id === id);
  if (!artifact) {
    res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>BlobNotFound</Code></Error>');
    return true;
  }
  res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(artifact.zip.byteLength) }).end(Buffer.from(artifact.zip));
  return true;
}

export const ARTIFACT_HANDLERS: Record<string, RestHandler> = {
  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': listRunArtifacts,
  'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}': download,
};
