/** Shard results and plans for the aggregate, compare and validate tests. */
import type { ShardPlan } from '../../../src/engines/eval/plan-types.js';
import type { MetricValue, PieceResult, ShardResult } from '../../../src/engines/eval/shard-types.js';

export const metric = (value: number, stderr: number | null, n: number, higherIsBetter: boolean | null = true): MetricValue => ({ value, stderr, n, higherIsBetter });

export function okPiece(task: string, offset: number, limit: number, metrics: Record<string, MetricValue>): PieceResult {
  return { task, offset, limit, status: 'ok', seconds: 12.5, error: null, metrics };
}

export function failedPiece(task: string, offset: number, limit: number, status: PieceResult['status'], error: string): PieceResult {
  return { task, offset, limit, status, seconds: 3, error, metrics: {} };
}

export function shardResult(shard: number, pieces: PieceResult[], attempt = 1): ShardResult {
  return {
    format: 'steward-shard/1', run: 'r1a2b3c4d5e6', shard, attempt, pool: 'gpu-a100',
    sha: '0123456789abcdef0123456789abcdef01234567', startedAt: '2026-11-28T10:00:00.000Z', finishedAt: '2026-11-28T10:42:00.000Z', pieces,
  };
}

/** A plan from shard id -> pieces [task, offset, limit]. */
export function planOf(shards: [string, number, number][][]): ShardPlan {
  return {
    shards: shards.map((pieces, id) => ({ id, pool: null, cost: 0, pieces: pieces.map(([task, offset, limit]) => ({ task, offset, limit, cost: limit })) })),
    makespan: 0,
    lowerBound: 0,
  };
}
