/** Finishes a run once every shard has its last word: aggregate, compare with the baseline, report. */
import { aggregateRun } from '../../engines/eval/aggregate-run.js';
import { compareRuns } from '../../engines/eval/compare-runs.js';
import type { EvalDeps } from './eval-deps.js';
import { publishEvalState } from './publish-eval.js';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

export async function finishRunIfDone(deps: EvalDeps, runId: string): Promise<boolean> {
  const run = await deps.store.getRun(runId);
  if (!run) return false;
  if (run.status === 'completed') {
    // A retried delivery after a crash: the result is saved, make sure people see it.
    await publishEvalState(deps, run);
    return true;
  }
  if (run.status !== 'running' && run.status !== 'queued') return false;
  const shards = await deps.store.listShards(runId);
  const queued = await deps.store.listQueue();
  if (shards.some((s) => !FINAL.has(s.status)) || queued.some((e) => e.run === runId)) return false;
  const attempts = await deps.store.listAttempts(runId);
  const lastError = (shard: number) => attempts.filter((a) => a.shard === shard).sort((a, b) => b.attempt - a.attempt)[0]?.error ?? null;
  const result = aggregateRun(run.plan, shards.map((s) => ({
    shard: s.shard, result: s.result, reason: s.status === 'succeeded' ? null : lastError(s.shard) ?? s.status,
  })));
  const base = await deps.store.findBaseline(run.owner, run.repo, run.suite);
  const baseline = base && base.id !== run.id ? base : null;
  const comparison = compareRuns(result, baseline?.result ?? null, run.config.regression, baseline?.id ?? null);
  await deps.store.saveRunResult(runId, result, deps.now());
  if (!(await deps.store.setRunStatus(runId, ['running', 'queued'], 'completed', deps.now()))) return false;
  deps.log.info(`Evaluation run ${runId} completed: ${result.metrics.length} metric(s), ${comparison.regressions} regression(s)${result.partial ? ', partial' : ''}`);
  const fresh = (await deps.store.getRun(runId)) ?? run;
  await publishEvalState(deps, fresh, { comparison });
  return true;
}
