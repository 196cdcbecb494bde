/**
 * Use-case: a workflow run of the evaluation workflow completed. Finds the dispatch it carried,
 * reads each shard's artifact as untrusted input (size-limited, schema-checked, matched to the shard
 * it claims to be), records each attempt once, queues retries on another pool, and finishes the run
 * when every shard is done.
 */
import { validateShardResult } from '../../engines/eval/validate-shard-result.js';
import { artifactName, SHARD_RESULT_FILE, type ShardResult } from '../../engines/eval/shard-types.js';
import type { ArtifactInfo, WorkflowRunInfo } from '../../platform/port.js';
import type { DispatchRecord, RunRecord } from '../../store/eval-types.js';
import type { EvalDeps, RepoRef } from './eval-deps.js';
import { finishRunIfDone } from './finish-run.js';
import { pumpQueue } from './pump-queue.js';

export const ARTIFACT_LIMITS = { maxZipBytes: 20_000_000, maxFiles: 20, maxFileBytes: 20_000_000 };
const DISPATCH_IN_TITLE = /\bSteward evaluation (d[a-z0-9]{6,40})\b/;

export interface CompletedWorkflowRun extends Pick<WorkflowRunInfo, 'id' | 'displayTitle' | 'conclusion' | 'minutes'> {
  /** The workflow file, e.g. ".github/workflows/steward-eval.yml". */
  path: string | null;
}

export async function collectWorkflowRun(deps: EvalDeps, repo: RepoRef, wr: CompletedWorkflowRun): Promise<'not-ours' | 'collected' | 'finished-before'> {
  const dispatch = await findDispatch(deps, wr);
  if (!dispatch) return 'not-ours';
  const run = await deps.store.getRun(dispatch.run);
  if (!run || !sameRepo(run, repo) || (wr.path && !wr.path.endsWith(`/${run.config.workflow}`))) return 'not-ours';
  if (run.status === 'completed' && (run.pr === null || run.commentId === null)) {
    // The result was saved but the process died before people saw it (check first, then comment):
    // a redelivery of any of its workflow runs shows it now, instead of a check left in progress.
    await finishRunIfDone(deps, run.id);
    return 'finished-before';
  }
  if (run.status !== 'running' && run.status !== 'queued') return 'finished-before';
  const artifacts = await deps.platform.listRunArtifacts(repo, wr.id);
  for (const { shard, attempt } of dispatch.shards) await collectShard(deps, run, { shard, attempt }, artifacts, wr);
  await finishRunIfDone(deps, run.id);
  await pumpQueue(deps);
  return 'collected';
}

/**
 * A dispatch that never became a workflow run GitHub can show (none started, or it was deleted):
 * its attempts fail with `why`, and retries are queued as for any failed shard.
 */
export async function abandonDispatch(deps: EvalDeps, run: RunRecord, dispatch: DispatchRecord, why: string): Promise<void> {
  for (const at of dispatch.shards) {
    const { recorded } = await deps.store.finishAttempt({ run: run.id, ...at, status: 'failed', result: null, error: why, minutes: 0, at: deps.now() });
    if (recorded && at.attempt <= run.config.retries) await queueRetry(deps, run, at);
  }
  deps.log.warn(`Dispatch ${dispatch.id} of run ${run.id} abandoned: ${why}`);
  await finishRunIfDone(deps, run.id);
}

async function findDispatch(deps: EvalDeps, wr: CompletedWorkflowRun): Promise<DispatchRecord | null> {
  const linked = await deps.store.findDispatchByWorkflowRun(wr.id);
  if (linked) return linked;
  const id = DISPATCH_IN_TITLE.exec(wr.displayTitle)?.[1];
  const found = id ? await deps.store.getDispatch(id) : null;
  if (found && found.workflowRunId === null) await deps.store.linkDispatch(found.id, wr.id);
  return found && (found.workflowRunId === null || found.workflowRunId === wr.id) ? found : null;
}

async function collectShard(
  deps: EvalDeps, run: RunRecord, at: { shard: number; attempt: number }, artifacts: ArtifactInfo[], wr: CompletedWorkflowRun,
): Promise<void> {
  const read = await readShardArtifact(deps, run, at, artifacts, wr);
  const failedPieces = read.result?.pieces.filter((p) => p.status !== 'ok') ?? [];
  const ok = read.result !== null && failedPieces.length === 0;
  const error = read.error ?? (failedPieces.length ? `${failedPieces.length} piece(s) did not finish: ${failedPieces.map((p) => `${p.task} [${p.offset}, ${p.offset + p.limit}) ${p.status}${p.error ? `: ${p.error}` : ''}`).join('; ')}` : null);
  const minutes = read.result ? Math.max(0, (Date.parse(read.result.finishedAt) - Date.parse(read.result.startedAt)) / 60_000) : wr.minutes;
  const { recorded } = await deps.store.finishAttempt({
    run: run.id, ...at, status: ok ? 'succeeded' : 'failed', result: read.result, error, minutes: Number.isFinite(minutes) ? minutes : 0, at: deps.now(),
  });
  if (!recorded) return;
  if (read.result) await recordDurations(deps, run, read.result);
  if (!ok && at.attempt <= run.config.retries) await queueRetry(deps, run, at);
}

async function readShardArtifact(
  deps: EvalDeps, run: RunRecord, at: { shard: number; attempt: number }, artifacts: ArtifactInfo[], wr: CompletedWorkflowRun,
): Promise<{ result: ShardResult | null; error: string | null }> {
  const name = artifactName(run.id, at.shard, at.attempt);
  const artifact = artifacts.find((a) => a.name === name);
  if (!artifact || artifact.expired) {
    return { result: null, error: `no artifact ${name} (the job ended ${wr.conclusion ?? 'without a conclusion'} before uploading it)` };
  }
  try {
    const files = await deps.platform.downloadArtifactFiles(run, artifact.id, ARTIFACT_LIMITS);
    const file = files.find((f) => f.path === SHARD_RESULT_FILE || f.path.endsWith(`/${SHARD_RESULT_FILE}`));
    if (!file) return { result: null, error: `artifact ${name} holds no ${SHARD_RESULT_FILE}` };
    const checked = validateShardResult(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)));
    if (!checked.ok) return { result: null, error: `artifact ${name} is not a valid shard result: ${checked.problems.slice(0, 5).join('; ')}` };
    const r = checked.result;
    if (r.run !== run.id || r.shard !== at.shard || r.attempt !== at.attempt || r.sha !== run.headSha) {
      return { result: null, error: `artifact ${name} claims to be shard ${r.shard} attempt ${r.attempt} of run ${r.run} on ${r.sha.slice(0, 7)}` };
    }
    return { result: r, error: null };
  } catch (error) {
    deps.log.warn(`Refused artifact ${name} of run ${run.id}: ${(error as Error).message}`);
    return { result: null, error: `artifact ${name} refused: ${(error as Error).message}` };
  }
}

/** The next attempt avoids the pool that failed, where another allowed pool exists. */
async function queueRetry(deps: EvalDeps, run: RunRecord, at: { shard: number; attempt: number }): Promise<void> {
  const attempts = await deps.store.listAttempts(run.id);
  const failedPool = attempts.find((a) => a.shard === at.shard && a.attempt === at.attempt)?.pool ?? null;
  const suite = run.config.suites[run.suite];
  const planned = run.plan.shards.find((s) => s.id === at.shard);
  await deps.store.enqueueShard({
    run: run.id, shard: at.shard, attempt: at.attempt + 1, owner: run.owner, repo: run.repo, installationId: run.installationId,
    cost: planned?.cost ?? 0, pool: suite?.pool ?? null, avoid: failedPool ? [failedPool] : [],
    allowed: run.config.pools.map((p) => p.name), enqueuedAt: deps.now(),
  });
  deps.log.info(`Shard ${at.shard} of run ${run.id} failed on ${failedPool ?? 'an unknown pool'}; attempt ${at.attempt + 1} queued`);
}

async function recordDurations(deps: EvalDeps, run: RunRecord, result: ShardResult): Promise<void> {
  const at = deps.now();
  await deps.store.recordPieceDurations(result.pieces.filter((p) => p.status === 'ok').map((p) => ({
    owner: run.owner, repo: run.repo, suite: run.suite, task: p.task, samples: p.limit, seconds: p.seconds, at,
  })));
}

const sameRepo = (a: RepoRef, b: RepoRef): boolean => `${a.owner}/${a.repo}`.toLowerCase() === `${b.owner}/${b.repo}`.toLowerCase();
