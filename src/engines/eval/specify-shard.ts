/**
 * `specifyShard`: one planned shard → the matrix entry a runner receives (issue 4, item 4). Everything
 * comes from the plan and the default branch's config, nothing from the pull request's text. Plans
 * keep pieces as sample ranges even when made in learned seconds (plan-suite.ts), so offset and limit
 * pass through; a piece is `whole` when it covers the task's full estimate, so the command runs
 * without --offset/--limit and lm-eval's results stay those of the whole task.
 */
import type { PoolConfig, SuiteConfig } from './eval-config.js';
import type { PlanShard } from './plan-types.js';
import { artifactName, type ShardSpec } from './shard-types.js';

export function specifyShard(a: { run: string; shard: PlanShard; attempt: number; pool: PoolConfig; suite: SuiteConfig; sha: string }): ShardSpec {
  const samples = new Map(a.suite.tasks.map((t) => [t.name, Math.ceil(t.cost)]));
  return {
    run: a.run,
    shard: a.shard.id,
    attempt: a.attempt,
    suite: a.suite.name,
    pool: a.pool.name,
    runsOn: [...a.pool.runsOn],
    sha: a.sha,
    command: a.suite.command,
    model: a.suite.model,
    format: a.suite.format,
    timeoutMinutes: a.suite.timeoutMinutes,
    pieces: a.shard.pieces.map((p) => ({
      task: p.task,
      offset: p.offset,
      limit: p.limit,
      whole: p.offset === 0 && samples.has(p.task) && p.limit === samples.get(p.task),
    })),
    artifact: artifactName(a.run, a.shard.id, a.attempt),
  };
}
