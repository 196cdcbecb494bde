import { describe, expect, it } from '@jest/globals';
import type { EvalConfig, SuiteConfig } from '../../../src/engines/eval/eval-config.js';
import type { HistoryRow } from '../../../src/engines/eval/learn-costs.js';
import { planShards } from '../../../src/engines/eval/plan-shards.js';
import { planSuite } from '../../../src/engines/eval/plan-suite.js';
import type { PlanShard } from '../../../src/engines/eval/plan-types.js';
import { readEvalConfig } from '../../../src/engines/eval/read-eval-config.js';

function configWith(suite: Record<string, unknown>, extra: Record<string, unknown> = {}): EvalConfig {
  const { config, problems } = readEvalConfig({ suites: { default: { command: 'run {task}', ...suite } }, ...extra });
  expect(problems).toEqual([]);
  return config;
}

/** Each task's pieces cover [0, samples) exactly once. */
function expectExactCover(shards: readonly PlanShard[], suite: SuiteConfig): void {
  for (const task of suite.tasks) {
    const pieces = shards.flatMap((s) => s.pieces).filter((p) => p.task === task.name).sort((a, b) => a.offset - b.offset);
    let next = 0;
    for (const p of pieces) {
      expect(p.offset).toBe(next);
      next += p.limit;
    }
    expect(next).toBe(task.cost);
  }
}

/** The real wall time of a plan when task t really takes overhead + rate_t × samples seconds per piece. */
const trueMakespan = (shards: readonly PlanShard[], overhead: number, rates: Record<string, number>): number =>
  Math.max(...shards.map((s) => s.pieces.reduce((sum, p) => sum + overhead + rates[p.task]! * p.limit, 0)));

const TASKS = [{ name: 'a', cost: 1000 }, { name: 'b', cost: 1000 }, { name: 'c', cost: 1000 }, { name: 'd', cost: 1000 }];

describe('planSuite', () => {
  it('plans on the estimates when there is no history', () => {
    const config = configWith({ shards: 3, 'piece-overhead': 20, tasks: TASKS });
    const plan = planSuite(config, 'default', []);
    expect(plan.learned).toBe(false);
    const { learned: _, ...rest } = plan;
    expect(rest).toEqual(planShards({ tasks: TASKS, shards: 3, pieceOverhead: 20, pool: null }));
  });

  it('lets "auto" use at most the pinned pool\'s capacity', () => {
    const config = configWith({ shards: 'auto', pool: 'gpu', tasks: TASKS }, { pools: [{ name: 'gpu', 'runs-on': 'g', capacity: 2 }] });
    const plan = planSuite(config, 'default', []);
    expect(plan.shards.length).toBeLessThanOrEqual(2);
    expect(plan.shards.every((s) => s.pool === 'gpu')).toBe(true);
  });

  it('plans in learned seconds but keeps pieces as sample ranges covering every sample once', () => {
    const config = configWith({ shards: 4, 'piece-overhead': 5, tasks: [...TASKS, { name: 'e', cost: 37 }] });
    const history: HistoryRow[] = [
      { task: 'a', samples: 100, seconds: 1030 }, { task: 'a', samples: 500, seconds: 5030 },
      { task: 'b', samples: 1000, seconds: 1030 }, { task: 'c', samples: 200, seconds: 230 },
    ];
    const plan = planSuite(config, 'default', history);
    expect(plan.learned).toBe(true);
    expectExactCover(plan.shards, config.suites.default!);
    expect(plan.shards.map((s) => s.id)).toEqual(plan.shards.map((_, i) => i));
    // Costs are seconds now: task a alone is ~10,000 s, far above its 1000-sample estimate.
    expect(plan.makespan).toBeGreaterThan(2000);
    expect(plan.lowerBound).toBeLessThanOrEqual(plan.makespan);
    for (const shard of plan.shards) {
      expect(shard.cost).toBeCloseTo(shard.pieces.reduce((sum, p) => sum + p.cost, 0), 1);
      for (const p of shard.pieces) expect(Number.isFinite(p.cost) && p.cost >= 0).toBe(true);
    }
  });

  it('balances better on learned costs than on wrong estimates', () => {
    const rates = { a: 10, b: 1, c: 1, d: 1 };
    const overhead = 30;
    const config = configWith({ shards: 2, 'piece-overhead': 30, tasks: TASKS });
    const history = Object.entries(rates).flatMap(([task, rate]) =>
      [200, 800].map((samples) => ({ task, samples, seconds: overhead + rate * samples })));
    const guessed = planSuite(config, 'default', []);
    const learned = planSuite(config, 'default', history);
    const [before, after] = [trueMakespan(guessed.shards, overhead, rates), trueMakespan(learned.shards, overhead, rates)];
    expect(after).toBeLessThan(before * 0.8);
    // The learned plan also predicts its own wall time well.
    expect(learned.makespan).toBeCloseTo(after, -1);
    expectExactCover(learned.shards, config.suites.default!);
  });

  it('names the suites there are when asked for one that does not exist', () => {
    const config = configWith({ tasks: TASKS });
    expect(() => planSuite(config, 'nightly', [])).toThrow('no suite "nightly"; evaluation.suites defines "default"');
  });
});

describe('planSuite with durations that measure no work', () => {
  it('plans at once when every piece took the same few milliseconds (the fit says "all start-up"), every sample once', () => {
    const config = readEvalConfig({
      pools: [{ name: 'cpu', 'runs-on': ['ubuntu-latest'], capacity: 8 }],
      suites: { default: { shards: 6, pool: 'cpu', 'piece-overhead': 5, command: 'run {task}', tasks: [{ name: 'a', cost: 300 }, { name: 'b', cost: 120 }, { name: 'c', cost: 60 }] } },
    }).config;
    const history = [
      ...[54, 82, 82, 82].map((samples) => ({ task: 'a', samples, seconds: 0.015 + samples * 1e-21 })),
      ...[15, 82, 23].map((samples) => ({ task: 'b', samples, seconds: 0.015 })),
      { task: 'c', samples: 60, seconds: 0.015 },
    ];
    const plan = planSuite(config, 'default', history);
    expect(plan.shards.flatMap((s) => s.pieces).reduce((n, p) => n + p.limit, 0)).toBe(480);
    // Tasks cost nothing beside their start-up: no task is cut (a cut only buys another start-up).
    expect(plan.shards.flatMap((s) => s.pieces)).toHaveLength(3);
  });
});
