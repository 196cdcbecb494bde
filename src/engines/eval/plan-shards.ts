/**
 * `planShards`: the tasks of a suite cut into shards (issue 4, item 2). Candidates, best first:
 *   1. LPT with every task whole (no piece overhead paid twice);
 *   2. LPT after cutting tasks into pieces of at most q samples, for q = C − h at the lower bound
 *      and q / 2, q / 3, q / 4 (finer pieces even out the loads but pay more overheads);
 *   3. wrap-around at the least capacity that fits (assign-wrap.ts);
 *   4. best-fit packing with splitting (assign-fit.ts) at the least capacity it finds between the
 *      packing bound (packing-bound.ts) and the best makespan of 1–3: it wins where h is large;
 *   5. the best of 1–4 after local search (improve-plan.ts: moves, merges, shifts and swaps off the
 *      most loaded shard), which closes part of the gap those constructions leave where h is large.
 * The plan with the least makespan wins; on a tie, the one with fewer pieces, then the earlier
 * candidate: a task is split only when that shortens the makespan, and the plan is never worse than
 * LPT without splitting. Shards with no piece are dropped.
 *
 * `shards: 'auto'` plans every count from 1 to `maxShards` (default 64) and takes the fewest shards
 * whose makespan is within 10% of the best one: more shards than that mostly buy overheads.
 */
import { assignFit } from './assign-fit.js';
import { assignLpt, compareNames } from './assign-lpt.js';
import { assignWrap } from './assign-wrap.js';
import { computeLowerBound } from './lower-bound.js';
import { improvePlan } from './improve-plan.js';
import { computePackingBound } from './packing-bound.js';
import type { Assignment, PlanShard, PlanTask, Portion, ShardPlan } from './plan-types.js';

export interface PlanOptions {
  tasks: readonly PlanTask[];
  shards: number | 'auto';
  /** Cost every piece pays on top of its samples (model load, task set-up). */
  pieceOverhead: number;
  pool?: string | null;
  /** Most shards 'auto' may choose (a pool's capacity, a quota). */
  maxShards?: number;
}

export const AUTO_MAX_SHARDS = 64;
export const AUTO_TOLERANCE = 1.1;

export function planShards(options: PlanOptions): ShardPlan {
  const tasks = checkTasks(options.tasks);
  const overhead = checkNumber(options.pieceOverhead, 'piece-overhead');
  const pool = options.pool ?? null;
  if (options.shards !== 'auto') return planFor(tasks, checkCount(options.shards, 'shards'), overhead, pool);
  const most = checkCount(options.maxShards ?? AUTO_MAX_SHARDS, 'maxShards');
  const plans = Array.from({ length: most }, (_, i) => planFor(tasks, i + 1, overhead, pool));
  const best = Math.min(...plans.map((p) => p.makespan));
  return plans.find((p) => p.makespan <= best * AUTO_TOLERANCE)!;
}

function planFor(tasks: readonly Portion[], shards: number, overhead: number, pool: string | null): ShardPlan {
  const lowerBound = computeLowerBound(tasks.map((t) => t.samples), shards, overhead);
  const longestFirst = [...tasks].sort((a, b) => b.samples - a.samples || compareNames(a.task, b.task));
  const largest = longestFirst[0]?.samples ?? 0;
  const crossover = Math.max(1, Math.floor(lowerBound - overhead));
  const cuts = [...new Set([1, 2, 3, 4].map((j) => Math.ceil(crossover / j)))].filter((q) => q < largest);
  const wrapped = assignWrap(longestFirst, shards, overhead, lowerBound);
  const candidates: Assignment[] = [
    assignLpt(tasks, shards, overhead),
    ...cuts.map((q) => assignLpt(tasks, shards, overhead, q)),
    ...(wrapped ? [wrapped] : []),
  ];
  let best = pickBetter(candidates[0]!, candidates.slice(1), overhead);
  const packingBound = computePackingBound(tasks.map((t) => t.samples), shards, overhead);
  const fitted = assignFit(longestFirst, shards, overhead, packingBound, makespanOf(toShards(best, overhead, null)));
  if (fitted) best = pickBetter(best, [fitted], overhead);
  best = pickBetter(best, [improvePlan(best, overhead, packingBound)], overhead);
  const planned = toShards(best, overhead, pool);
  return { shards: planned, makespan: makespanOf(planned), lowerBound };
}

/** The best of `first` and `others` (isBetter; the earlier on a tie). */
function pickBetter(first: Assignment, others: readonly Assignment[], overhead: number): Assignment {
  let best = first;
  let bestShards = toShards(first, overhead, null);
  for (const candidate of others) {
    const shardsOf = toShards(candidate, overhead, null);
    if (!isBetter(shardsOf, bestShards)) continue;
    best = candidate;
    bestShards = shardsOf;
  }
  return best;
}

function isBetter(a: PlanShard[], b: PlanShard[]): boolean {
  const [ma, mb] = [makespanOf(a), makespanOf(b)];
  if (ma !== mb) return ma < mb - 1e-9;
  return pieceCount(a) < pieceCount(b);
}

const makespanOf = (shards: readonly PlanShard[]): number => Math.max(0, ...shards.map((s) => s.cost));
const pieceCount = (shards: readonly PlanShard[]): number => shards.reduce((n, s) => n + s.pieces.length, 0);

/** Sample ranges per task, in shard order: each task's pieces cover [0, samples) contiguously. */
function toShards(assignment: Assignment, overhead: number, pool: string | null): PlanShard[] {
  const next = new Map<string, number>();
  return assignment.filter((portions) => portions.length > 0).map((portions, id) => {
    const pieces = portions.map(({ task, samples }) => {
      const offset = next.get(task) ?? 0;
      next.set(task, offset + samples);
      return { task, offset, limit: samples, cost: samples + overhead };
    });
    return { id, pool, cost: pieces.reduce((sum, p) => sum + p.cost, 0), pieces };
  });
}

function checkTasks(tasks: readonly PlanTask[]): Portion[] {
  const seen = new Set<string>();
  return tasks.map(({ name, cost }) => {
    if (seen.has(name)) throw new RangeError(`task "${name}" is listed twice`);
    seen.add(name);
    // Offsets and limits count samples: a fractional cost is rounded up to whole units.
    return { task: name, samples: Math.ceil(checkNumber(cost, `the cost of task "${name}"`)) };
  });
}

/** Past this, sums of costs and overheads lose whole units in double precision and binary searches stop converging. */
export const MAX_COST = 1e12;

function checkNumber(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a number ≥ 0, not ${String(value)}`);
  if (value > MAX_COST) throw new RangeError(`${what} must be at most 10^12, not ${String(value)}`);
  return value;
}

function checkCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a whole number ≥ 1, not ${String(value)}`);
  return value;
}
