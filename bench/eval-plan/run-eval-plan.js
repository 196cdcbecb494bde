/**
 * Planner quality (issue 4, "How it is measured"): makespan over the lower bound for Steward's
 * planShards (from lib/) and the peers of partitioners.js, on every distribution × shard count ×
 * per-piece overhead. The lower bound is lib's computeLowerBound: it holds for any plan whose pieces
 * each pay h, so all four are measured against the same number. Steward's plan is checked (every
 * task covered exactly once) and its makespan recomputed from its pieces, not read from the plan.
 * Each makespan is also divided by lib's computePackingBound, a tighter bound that still holds for
 * any plan (it counts the extra pieces forced when shards cannot hold many whole tasks); the goal is
 * Steward within GOAL of that bound on every case.
 */
import { performance } from 'node:perf_hooks';
import { DISTRIBUTIONS, SHARD_COUNTS, overheadsFor } from './distributions.js';
import { planContiguous, planNumWorker, planSize } from './partitioners.js';

export const GOAL = 1.05;
export const PARTITIONERS = ['steward', 'numWorker', 'size', 'contiguous'];

export async function runEvalPlanBench({ log = () => {} } = {}) {
  const { planShards } = await import('../../lib/engines/eval/plan-shards.js');
  const { computeLowerBound } = await import('../../lib/engines/eval/lower-bound.js');
  const { computePackingBound } = await import('../../lib/engines/eval/packing-bound.js');
  const started = performance.now();
  const cases = [];
  for (const dist of DISTRIBUTIONS) {
    for (const overhead of overheadsFor(dist.tasks)) {
      for (const m of SHARD_COUNTS) {
        const h = overhead.value;
        const lowerBound = computeLowerBound(dist.tasks.map((t) => t.cost), m, h);
        const packingBound = computePackingBound(dist.tasks.map((t) => t.cost), m, h);
        const plan = planShards({ tasks: dist.tasks, shards: m, pieceOverhead: h });
        const makespans = {
          steward: checkPlan(plan, dist.tasks, m, h),
          numWorker: planNumWorker(dist.tasks, m, h).makespan,
          size: planSize(dist.tasks, m, h).makespan,
          contiguous: planContiguous(dist.tasks, m, h).makespan,
        };
        for (const [name, makespan] of Object.entries(makespans)) {
          if (makespan < packingBound - 1e-6) throw new Error(`${name} beat the packing bound on ${dist.name}, m=${m}, ${overhead.label}: the bound or the partitioner is wrong`);
        }
        if (packingBound < lowerBound - 1e-6) throw new Error(`the packing bound fell below the plain bound on ${dist.name}, m=${m}, ${overhead.label}`);
        const ratios = Object.fromEntries(PARTITIONERS.map((p) => [p, makespans[p] / lowerBound]));
        const packingRatios = Object.fromEntries(PARTITIONERS.map((p) => [p, makespans[p] / packingBound]));
        cases.push({ distribution: dist.name, m, h, overhead: overhead.label, lowerBound, packingBound, makespans, ratios, packingRatios });
      }
    }
    const own = cases.filter((c) => c.distribution === dist.name);
    log(`   ${dist.name}: Steward worst ${worst(own, 'steward').toFixed(3)} of the plain bound, ${worst(own, 'steward', 'packingRatios').toFixed(3)} of the packing bound`);
  }
  const summary = DISTRIBUTIONS.map((dist) => {
    const own = cases.filter((c) => c.distribution === dist.name);
    const stats = (p) => ({ worst: worst(own, p), mean: mean(own, p), packingWorst: worst(own, p, 'packingRatios'), packingMean: mean(own, p, 'packingRatios') });
    return { name: dist.name, detail: dist.detail, cases: own.length, ...Object.fromEntries(PARTITIONERS.map((p) => [p, stats(p)])) };
  });
  const misses = cases.filter((c) => c.packingRatios.steward > GOAL);
  return {
    cases, summary, misses, stewardWorst: worst(cases, 'steward'), stewardPackingWorst: worst(cases, 'steward', 'packingRatios'),
    plainMisses: cases.filter((c) => c.ratios.steward > GOAL).length, goal: GOAL, seconds: (performance.now() - started) / 1000,
  };
}

const worst = (cases, p, key = 'ratios') => Math.max(...cases.map((c) => c[key][p]));
const mean = (cases, p, key = 'ratios') => cases.reduce((s, c) => s + c[key][p], 0) / cases.length;

/** The plan's makespan from its pieces, after checking it runs every sample of every task exactly once. */
function checkPlan(plan, tasks, m, h) {
  if (plan.shards.length > m) throw new Error(`planShards made ${plan.shards.length} shards for m = ${m}`);
  const ranges = new Map(tasks.map((t) => [t.name, []]));
  let makespan = 0;
  for (const shard of plan.shards) {
    let cost = 0;
    for (const piece of shard.pieces) {
      ranges.get(piece.task).push([piece.offset, piece.limit]);
      cost += piece.limit + h;
    }
    makespan = Math.max(makespan, cost);
  }
  for (const t of tasks) {
    let next = 0;
    for (const [offset, limit] of ranges.get(t.name).sort((a, b) => a[0] - b[0])) {
      if (offset !== next) throw new Error(`planShards: task ${t.name} has a gap or overlap at ${next}`);
      next += limit;
    }
    if (next !== t.cost) throw new Error(`planShards: task ${t.name} covers ${next} of ${t.cost} samples`);
  }
  return makespan;
}
