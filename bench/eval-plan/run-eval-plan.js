/**
 * Planner quality (issue 4, "How it is measured"): makespan over the lower bound for Steward's
 * planShards (from lib/) and the peers of partitioners.js, on every distribution × shard count ×
 * per-piece overhead. The lower bound is lib's computeLowerBound: it holds for any plan whose pieces
 * each pay h, so all four are measured against the same number. Steward's plan is checked (every
 * task covered exactly once) and its makespan recomputed from its pieces, not read from the plan.
 */
import { performance } from 'node:perf_hooks';
import { DISTRIBUTIONS, SHARD_COUNTS, overheadsFor } from './distributions.js';
import { planContiguous, planNumWorker, planSize } from './partitioners.js';

export const GOAL = 1.05;
export const PARTITIONERS = ['steward', 'numWorker', 'size', 'contiguous'];

export async function runEvalPlanBench({ log = () => {} } = {}) {
  const { planShards } = await import('../../lib/engines/eval/plan-shards.js');
  const { computeLowerBound } = await import('../../lib/engines/eval/lower-bound.js');
  const started = performance.now();
  const cases = [];
  for (const dist of DISTRIBUTIONS) {
    for (const overhead of overheadsFor(dist.tasks)) {
      for (const m of SHARD_COUNTS) {
        const h = overhead.value;
        const lowerBound = computeLowerBound(dist.tasks.map((t) => t.cost), m, h);
        const plan = planShards({ tasks: dist.tasks, shards: m, pieceOverhead: h });
        const makespans = {
          steward: checkPlan(plan, dist.tasks, m, h),
          numWorker: planNumWorker(dist.tasks, m, h).makespan,
          size: planSize(dist.tasks, m, h).makespan,
          contiguous: planContiguous(dist.tasks, m, h).makespan,
        };
        for (const [name, makespan] of Object.entries(makespans)) {
          if (makespan < lowerBound - 1e-6) throw new Error(`${name} beat the lower bound on ${dist.name}, m=${m}, ${overhead.label}: the bound or the partitioner is wrong`);
        }
        const ratios = Object.fromEntries(PARTITIONERS.map((p) => [p, makespans[p] / lowerBound]));
        cases.push({ distribution: dist.name, m, h, overhead: overhead.label, lowerBound, makespans, ratios });
      }
    }
    log(`   ${dist.name}: Steward worst ${worst(cases.filter((c) => c.distribution === dist.name), 'steward').toFixed(3)}`);
  }
  const summary = DISTRIBUTIONS.map((dist) => {
    const own = cases.filter((c) => c.distribution === dist.name);
    return { name: dist.name, detail: dist.detail, cases: own.length, ...Object.fromEntries(PARTITIONERS.map((p) => [p, { worst: worst(own, p), mean: mean(own, p) }])) };
  });
  const misses = cases.filter((c) => c.ratios.steward > GOAL);
  return { cases, summary, misses, stewardWorst: worst(cases, 'steward'), goal: GOAL, seconds: (performance.now() - started) / 1000 };
}

const worst = (cases, p) => Math.max(...cases.map((c) => c.ratios[p]));
const mean = (cases, p) => cases.reduce((s, c) => s + c.ratios[p], 0) / cases.length;

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
