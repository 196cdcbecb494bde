/**
 * Use-case: catch up after downtime. A workflow_run webhook that arrived while no replica was up is
 * lost (GitHub does not redeliver on its own), so unfinished runs are looked up on GitHub: each
 * dispatched attempt's workflow run, found by id or by the dispatch id in its run-name, is
 * collected when it has completed. A dispatch GitHub shows no run for after STARTUP_GRACE_MS is
 * abandoned (its shards retried), so no shard waits forever. Then the queue is pumped.
 */

import type { RunRecord } from '../../store/eval-types.js';
import { abandonDispatch, collectWorkflowRun } from './collect-workflow-run.js';
import type { EvalDeps } from './eval-deps.js';
import { pumpQueue } from './pump-queue.js';

/** GitHub starts a dispatched workflow within seconds; half an hour without a run means none will come. */
export const STARTUP_GRACE_MS = 30 * 60_000;

export async function recoverRuns(deps: EvalDeps): Promise<{ collected: number }> {
  let collected = 0;
  const runs = (await deps.store.listUnfinishedRuns()).filter((r) => r.installationId === deps.installationId);
  for (const run of runs) collected += await recoverRun(deps, run);
  await pumpQueue(deps);
  return { collected };
}

async function recoverRun(deps: EvalDeps, run: RunRecord): Promise<number> {
  const attempts = (await deps.store.listAttempts(run.id)).filter((a) => a.status === 'dispatched' || a.status === 'running');
  const dispatchIds = [...new Set(attempts.map((a) => a.dispatchId).filter((d): d is string => d !== null))];
  let collected = 0;
  for (const id of dispatchIds) {
    const dispatch = await deps.store.getDispatch(id);
    if (!dispatch) continue;
    let workflowRunId = dispatch.workflowRunId;
    if (workflowRunId === null) {
      const since = new Date(dispatch.createdAt.getTime() - 60_000);
      const runs = await deps.platform.listWorkflowRuns(run, run.config.workflow, { createdAfter: since });
      workflowRunId = runs.find((r) => r.displayTitle.includes(id))?.id ?? null;
      if (workflowRunId === null) {
        if (deps.now().getTime() - dispatch.createdAt.getTime() > STARTUP_GRACE_MS) {
          await abandonDispatch(deps, run, dispatch, `GitHub started no workflow run for dispatch ${id} within ${STARTUP_GRACE_MS / 60_000} minutes`);
        }
        continue;
      }
      await deps.store.linkDispatch(id, workflowRunId);
    }
    const wr = await deps.platform.getWorkflowRun(run, workflowRunId).catch((error: unknown) => {
      if ((error as { status?: unknown }).status === 404) return null;
      throw error;
    });
    if (wr === null) {
      await abandonDispatch(deps, run, dispatch, `workflow run ${workflowRunId} of dispatch ${id} no longer exists on GitHub`);
      continue;
    }
    if (wr.status !== 'completed') continue;
    const outcome = await collectWorkflowRun(deps, run, { ...wr, path: null });
    if (outcome === 'collected') collected++;
  }
  return collected;
}
