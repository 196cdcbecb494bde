/**
 * A run of 256 shards as the App receives it: the plan (Steward's planShards over the Open LLM
 * Leaderboard v1 suite, 62 tasks, so large tasks are cut into pieces across shards) and one
 * steward-shard.json text per shard, every piece ok with 2 to 4 metrics shaped like lm-eval's
 * (value, stderr, n = the piece's samples, higherIsBetter).
 */
import { DISTRIBUTIONS } from '../eval-plan/distributions.js';

export const SHARDS = 256;
const METRICS = ['acc,none', 'acc_norm,none', 'exact_match,strict-match', 'exact_match,flexible-extract'];

export async function makeRun() {
  const { planShards } = await import('../../lib/engines/eval/plan-shards.js');
  const tasks = DISTRIBUTIONS[0].tasks;
  const plan = planShards({ tasks, shards: SHARDS, pieceOverhead: 0 }); // h = 0 uses all 256 shards
  if (plan.shards.length !== SHARDS) throw new Error(`the plan has ${plan.shards.length} shards, not ${SHARDS}`);
  const metricsOf = new Map(tasks.map((t, i) => [t.name, METRICS.slice(0, 2 + (i % 3))]));
  const texts = plan.shards.map((shard) => JSON.stringify(makeShardResult(shard, metricsOf)));
  const pieces = plan.shards.reduce((n, s) => n + s.pieces.length, 0);
  const metricValues = plan.shards.reduce((n, s) => n + s.pieces.reduce((k, p) => k + metricsOf.get(p.task).length, 0), 0);
  return { plan, texts, tasks: tasks.length, pieces, metricValues, taskMetrics: [...metricsOf.values()].reduce((n, m) => n + m.length, 0) };
}

function makeShardResult(shard, metricsOf) {
  const start = Date.UTC(2026, 10, 28, 12, 0, 0) + shard.id * 1000;
  return {
    format: 'steward-shard/1',
    run: 'r1a2b3c4d5e6',
    shard: shard.id,
    attempt: 1,
    pool: 'gpu-a100',
    sha: '3f786850e387550fdab836ed7e6dc881de23001b',
    startedAt: new Date(start).toISOString(),
    finishedAt: new Date(start + shard.cost * 1000).toISOString(),
    pieces: shard.pieces.map((piece) => ({
      task: piece.task,
      offset: piece.offset,
      limit: piece.limit,
      status: 'ok',
      seconds: piece.cost * 0.9,
      error: null,
      metrics: Object.fromEntries(metricsOf.get(piece.task).map((name, j) => {
        // A deterministic accuracy-like value per piece and metric.
        const value = 0.25 + (((piece.offset * 7919 + piece.limit * 104729 + j * 31) % 1000) / 1000) * 0.7;
        const stderr = piece.limit > 1 ? Math.sqrt((value * (1 - value)) / (piece.limit - 1)) : null;
        return [name, { value, stderr, n: piece.limit, higherIsBetter: true }];
      })),
    })),
  };
}
