/**
 * Sends one run's picked shards to GitHub: specs built from the run's own plan and config, split to
 * fit workflow_dispatch's limits, each part claimed in the store (only what this replica won) and
 * then dispatched. A failed call gives the claim back; a workflow that GitHub refuses for good
 * (missing file, bad inputs) fails the run with the fix.
 */
import type { ShardSpec } from '../../engines/eval/shard-types.js';
import { specifyShard } from '../../engines/eval/specify-shard.js';
import { splitDispatches } from '../../engines/eval/split-dispatches.js';
import type { QueueEntry, RunRecord } from '../../store/eval-types.js';
import type { EvalDeps } from './eval-deps.js';
import { failRun } from './fail-run.js';

export async function dispatchRunPicks(deps: EvalDeps, run: RunRecord, picks: { entry: QueueEntry; pool: string }[]): Promise<number> {
  const specs = picks.map(({ entry, pool }) => specOf(run, entry, pool)).filter((s): s is ShardSpec => s !== null);
  const platform = run.installationId === deps.installationId ? deps.platform : await deps.platformFor(run.installationId);
  const keyOf = new Map(picks.map(({ entry }) => [`${entry.shard}/${entry.attempt}`, entry.key]));
  let sent = 0;
  let ref: string | null = null;
  for (const part of splitDispatches(specs)) {
    const id = deps.newId('d');
    const claimed = await deps.store.claimForDispatch(
      { id, run: run.id, owner: run.owner, repo: run.repo, createdAt: deps.now() },
      part.map((s) => ({ key: keyOf.get(`${s.shard}/${s.attempt}`)!, pool: s.pool })),
    );
    const won = new Set(claimed.map((e) => `${e.shard}/${e.attempt}`));
    const mine = part.filter((s) => won.has(`${s.shard}/${s.attempt}`));
    if (!mine.length) continue;
    try {
      ref ??= await platform.defaultBranch(run);
      const { workflowRunId } = await platform.dispatchWorkflow(run, {
        workflow: run.config.workflow, ref, inputs: { dispatch: id, shards: JSON.stringify(mine) },
      });
      if (workflowRunId !== null) await deps.store.linkDispatch(id, workflowRunId);
      sent += mine.length;
      deps.log.info(`Dispatched ${mine.length} shard(s) of run ${run.id} as ${id}${workflowRunId ? ` (workflow run ${workflowRunId})` : ''}`);
    } catch (error) {
      await deps.store.releaseDispatch(id);
      const refusal = error as { retryable?: unknown; status?: unknown; message?: unknown };
      if (refusal.retryable === false) {
        await failRun(deps, run, describeRefusal(run, Number(refusal.status), String(refusal.message)));
        return sent;
      }
      throw error;
    }
  }
  if (sent) await deps.store.setRunStatus(run.id, ['queued'], 'running', deps.now());
  return sent;
}

function specOf(run: RunRecord, entry: QueueEntry, poolName: string): ShardSpec | null {
  const shard = run.plan.shards.find((s) => s.id === entry.shard);
  const suite = run.config.suites[run.suite];
  const pool = run.config.pools.find((p) => p.name === poolName);
  if (!shard || !suite || !pool) return null;
  return specifyShard({ run: run.id, shard, attempt: entry.attempt, pool, suite, sha: run.headSha });
}

function describeRefusal(run: RunRecord, status: number, message: string): string {
  const file = `.github/workflows/${run.config.workflow}`;
  if (status === 404) {
    return `GitHub found no workflow ${file} on the default branch. Run \`steward init\` to write it, commit it to the default branch, and comment \`/steward eval\` again.`;
  }
  return `GitHub refused to start ${file} (${message}). Check that it has a workflow_dispatch trigger with the inputs "dispatch" and "shards" (as \`steward init\` writes it), then comment \`/steward eval\` again.`;
}
