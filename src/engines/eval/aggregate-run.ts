/**
 * A run's shard results -> one RunResult: each task's metrics merged over the pieces the plan gave
 * it. Only planned pieces count (an artifact may claim anything); a planned piece without an ok
 * result is listed as missing with the reason, so a partial result is never mistaken for a whole one.
 */
import { mergeMetric } from './pool-stderr.js';
import type { PlanPiece, ShardPlan } from './plan-types.js';
import type { MissingPiece, RunResult, TaskMetric } from './result-types.js';
import type { MetricValue, PieceResult, ShardResult } from './shard-types.js';

export interface ShardOutcome {
  shard: number;
  result: ShardResult | null;
  /** Why there is no result (e.g. "no artifact", "invalid results: …"); null when there is one. */
  reason: string | null;
}

export function aggregateRun(plan: ShardPlan, shards: readonly ShardOutcome[]): RunResult {
  const samples = new Map<string, MetricValue[]>(); // key: JSON [task, metric]
  const missing: MissingPiece[] = [];
  const coverage: Record<string, { done: number; planned: number }> = {};
  const indexed = indexOutcomes(shards);
  for (const planned of plan.shards) {
    const outcomes = indexed.get(planned.id) ?? [];
    for (const piece of planned.pieces) {
      const entry = (coverage[piece.task] ??= { done: 0, planned: 0 });
      entry.planned += piece.limit;
      const found = findPiece(outcomes, piece);
      if ('reason' in found) {
        missing.push({ shard: planned.id, task: piece.task, offset: piece.offset, limit: piece.limit, reason: found.reason });
        continue;
      }
      entry.done += piece.limit;
      for (const [metric, value] of Object.entries(found.piece.metrics)) {
        const key = JSON.stringify([piece.task, metric]);
        (samples.get(key) ?? samples.set(key, []).get(key)!).push(value);
      }
    }
  }
  return {
    metrics: mergeAll(samples),
    partial: missing.length > 0,
    missing,
    coverage: Object.fromEntries(Object.entries(coverage).sort(([a], [b]) => compare(a, b))),
  };
}

interface IndexedOutcome {
  reason: string | null;
  /** Pieces by JSON [task, offset, limit]; null when the shard has no result. */
  pieces: Map<string, PieceResult> | null;
}

/** Outcomes by shard, pieces by range: ten thousand pieces are matched without a quadratic search. */
function indexOutcomes(shards: readonly ShardOutcome[]): Map<number, IndexedOutcome[]> {
  const indexed = new Map<number, IndexedOutcome[]>();
  for (const outcome of shards) {
    const pieces = outcome.result ? new Map<string, PieceResult>() : null;
    // The first entry of a range wins, as validate-shard-result refuses duplicates anyway.
    for (const p of outcome.result?.pieces ?? []) if (!pieces!.has(rangeKey(p))) pieces!.set(rangeKey(p), p);
    const list = indexed.get(outcome.shard) ?? indexed.set(outcome.shard, []).get(outcome.shard)!;
    list.push({ reason: outcome.reason, pieces });
  }
  return indexed;
}

const rangeKey = (p: { task: string; offset: number; limit: number }): string => JSON.stringify([p.task, p.offset, p.limit]);

/** The ok result of a planned piece from any outcome of its shard, or why there is none. */
function findPiece(outcomes: readonly IndexedOutcome[], piece: PlanPiece): { piece: PieceResult } | { reason: string } {
  let reason: string | null = null;
  for (const outcome of outcomes) {
    if (!outcome.pieces) {
      reason ??= outcome.reason ?? 'no artifact';
      continue;
    }
    const match = outcome.pieces.get(rangeKey(piece));
    if (match?.status === 'ok') return { piece: match };
    reason ??= match ? describeFailure(match) : 'not in the shard\'s results';
  }
  return { reason: reason ?? 'no artifact' };
}

function describeFailure(piece: PieceResult): string {
  const error = piece.error ?? 'no reason given';
  if (piece.status === 'timed-out') return error.startsWith('timed out') ? error : `timed out: ${error}`;
  if (piece.status === 'invalid') return `invalid results: ${error}`;
  return `failed: ${error}`;
}

function mergeAll(samples: Map<string, MetricValue[]>): TaskMetric[] {
  const merged: TaskMetric[] = [];
  for (const [key, parts] of samples) {
    const [task, metric] = JSON.parse(key) as [string, string];
    // A piece over no samples says nothing about the metric; keep it only when nothing else does.
    const counted = parts.some((p) => p.n > 0) ? parts.filter((p) => p.n > 0) : parts;
    merged.push({ task, metric, ...mergeMetric(counted) });
  }
  return merged.sort((a, b) => compare(a.task, b.task) || compare(a.metric, b.metric));
}

/** Code-point order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
