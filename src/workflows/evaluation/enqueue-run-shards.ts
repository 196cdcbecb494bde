/** Puts every shard of a run in the dispatch queue as attempt `attempt` (idempotent per attempt). */
import type { RunRecord } from '../../store/eval-types.js';
import type { EvalDeps } from './eval-deps.js';

export async function enqueueRunShards(deps: EvalDeps, run: RunRecord, attempt: number): Promise<number> {
  const suite = run.config.suites[run.suite];
  let queued = 0;
  for (const shard of run.plan.shards) {
    const { inserted } = await deps.store.enqueueShard({
      run: run.id, shard: shard.id, attempt, owner: run.owner, repo: run.repo, installationId: run.installationId,
      cost: shard.cost, pool: suite?.pool ?? null, avoid: [], allowed: run.config.pools.map((p) => p.name),
      enqueuedAt: deps.now(),
    });
    if (inserted) queued++;
  }
  return queued;
}
