/**
 * `planSuite`: a suite's shard plan as the App and `steward eval run` make it (issue 4, item 2). With
 * no usable history it is `planShards` on the configured estimates. With history, costs become the
 * learned seconds (learn-costs.ts) and the plan says `learned: true`; its costs are then seconds.
 *
 * Pieces stay sample ranges either way, because runners cut tasks with --offset/--limit. So the
 * learned plan is made in "sample-equivalent" units: task t of N samples costs rate_t·N·k units,
 * where k = ΣN / Σ rate·N keeps the unit count near the sample count (fine enough to split well,
 * small enough to plan fast). Each piece's unit range is then mapped back onto [0, N) by the same
 * monotone map for every boundary, so the pieces of a task still cover it exactly once.
 */
import type { EvalConfig, SuiteConfig } from './eval-config.js';
import { learnCosts, type HistoryRow, type LearnedCosts } from './learn-costs.js';
import { planShards } from './plan-shards.js';
import type { PlanPiece, PlanShard, ShardPlan } from './plan-types.js';

export function planSuite(config: EvalConfig, suite: string, history: readonly HistoryRow[]): ShardPlan & { learned: boolean } {
  const chosen = Object.hasOwn(config.suites, suite) ? config.suites[suite] : undefined;
  if (!chosen) {
    const known = Object.keys(config.suites);
    throw new RangeError(`no suite "${suite}"; ${known.length ? `evaluation.suites defines ${known.map((n) => `"${n}"`).join(', ')}` : 'evaluation.suites in .github/steward.yml defines none'}`);
  }
  const base = { shards: chosen.shards, pool: chosen.pool, maxShards: maxShardsOf(config, chosen) };
  const learned = learnCosts(chosen.tasks.map((t) => t.name), history);
  if (!learned || !isInformative(learned, chosen)) return { ...planShards({ ...base, tasks: chosen.tasks, pieceOverhead: chosen.pieceOverhead }), learned: false };
  return { ...planLearned(chosen, learned, base), learned: true };
}

/**
 * Learned costs are used unless scaling them to sample units would leave the numbers the planner
 * can count exactly: a suite whose tasks took almost no time beside a large start-up would blow the
 * overhead up (rates of exactly 0 scale by 1 and are fine: the plan then only saves start-ups).
 */
function isInformative(costs: LearnedCosts, suite: SuiteConfig): boolean {
  const seconds = suite.tasks.reduce((sum, t) => sum + (costs.rates[t.name] ?? 0) * Math.ceil(t.cost), 0);
  const samples = suite.tasks.reduce((sum, t) => sum + Math.ceil(t.cost), 0);
  const scale = seconds > 0 ? Math.max(1, samples) / seconds : 1;
  return Number.isFinite(seconds) && costs.overhead * scale <= MAX_SCALED_OVERHEAD;
}

/** Well inside the planner's exact range (plan-shards.ts MAX_COST). */
const MAX_SCALED_OVERHEAD = 1e9;

/** What 'auto' may use: the pinned pool's capacity, else the repository's concurrent-shards quota. */
export function maxShardsOf(config: EvalConfig, suite: SuiteConfig): number | undefined {
  const pinned = config.pools.find((p) => p.name === suite.pool);
  if (pinned) return pinned.capacity;
  return config.quotas.concurrentShards !== null && config.quotas.concurrentShards >= 1 ? Math.floor(config.quotas.concurrentShards) : undefined;
}

function planLearned(suite: SuiteConfig, costs: LearnedCosts, base: { shards: number | 'auto'; pool: string | null; maxShards?: number }): ShardPlan {
  const samples = new Map(suite.tasks.map((t) => [t.name, Math.ceil(t.cost)]));
  const seconds = suite.tasks.map((t) => costs.rates[t.name]! * samples.get(t.name)!);
  const totalSeconds = seconds.reduce((a, b) => a + b, 0);
  const totalSamples = [...samples.values()].reduce((a, b) => a + b, 0);
  const scale = totalSeconds > 0 ? Math.max(1, totalSamples) / totalSeconds : 1;
  const units = new Map(suite.tasks.map((t, i) => [t.name, Math.round(seconds[i]! * scale)]));
  const plan = planShards({
    ...base, tasks: suite.tasks.map((t) => ({ name: t.name, cost: units.get(t.name)! })), pieceOverhead: costs.overhead * scale,
  });
  const toSamples = (task: string, unit: number): number => {
    const [n, u] = [samples.get(task)!, units.get(task)!];
    return u === 0 || unit >= u ? n : Math.round((unit * n) / u);
  };
  const shards = plan.shards
    .map((shard) => shard.pieces.flatMap((p) => mapPiece(p, toSamples, costs, samples.get(p.task)!)))
    .filter((pieces) => pieces.length > 0)
    .map((pieces, id): PlanShard => ({ id, pool: base.pool, cost: roundSeconds(pieces.reduce((s, p) => s + p.cost, 0)), pieces }));
  const makespan = Math.max(0, ...shards.map((s) => s.cost));
  return { shards, makespan, lowerBound: Math.min(makespan, roundSeconds(plan.lowerBound / scale)) };
}

/** A piece in units → the same piece in samples; empty when rounding leaves it no sample. */
function mapPiece(piece: PlanPiece, toSamples: (task: string, unit: number) => number, costs: LearnedCosts, samples: number): PlanPiece[] {
  const start = piece.offset === 0 ? 0 : toSamples(piece.task, piece.offset);
  const end = toSamples(piece.task, piece.offset + piece.limit);
  // An empty task keeps its one empty piece (its results still say the task ran); others lose empty ones.
  if (end <= start && samples > 0) return [];
  const limit = end - start;
  return [{ task: piece.task, offset: start, limit, cost: roundSeconds(costs.overhead + costs.rates[piece.task]! * limit) }];
}

const roundSeconds = (s: number): number => Math.round(s * 100) / 100;
