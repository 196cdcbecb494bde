/** planShards on worked examples: the plan a maintainer would see for a suite. */
import { describe, expect, it } from '@jest/globals';
import { planShards } from '../../../src/engines/eval/plan-shards.js';
import { computeLowerBound } from '../../../src/engines/eval/lower-bound.js';
import type { ShardPlan } from '../../../src/engines/eval/plan-types.js';

const tasks = (costs: Record<string, number>) => Object.entries(costs).map(([name, cost]) => ({ name, cost }));
const rangesOf = (plan: ShardPlan) => plan.shards.flatMap((s) => s.pieces.map((p) => `${p.task}[${p.offset},${p.offset + p.limit})`)).sort();

describe('planShards', () => {
  it('keeps tasks whole when LPT already meets the bound (desispec weights 6..1 on 3 shards)', () => {
    const plan = planShards({ tasks: tasks({ a: 6, b: 5, c: 4, d: 3, e: 2, f: 1 }), shards: 3, pieceOverhead: 0 });
    expect(plan).toMatchObject({ makespan: 7, lowerBound: 7 });
    expect(plan.shards.map((s) => s.cost)).toEqual([7, 7, 7]);
    expect(plan.shards.flatMap((s) => s.pieces).every((p) => p.offset === 0)).toBe(true);
  });

  it('splits one big task into equal sample ranges that each pay the overhead', () => {
    const plan = planShards({ tasks: tasks({ hellaswag: 100 }), shards: 4, pieceOverhead: 10, pool: 'a100' });
    expect(plan).toMatchObject({ makespan: 35, lowerBound: 35 });
    expect(plan.shards).toEqual([0, 1, 2, 3].map((id) => ({
      id, pool: 'a100', cost: 35, pieces: [{ task: 'hellaswag', offset: 25 * id, limit: 25, cost: 35 }],
    })));
  });

  it('does not split when the overhead makes pieces no faster', () => {
    const plan = planShards({ tasks: tasks({ a: 100, b: 100 }), shards: 3, pieceOverhead: 100 });
    expect(plan.makespan).toBe(200);
    expect(rangesOf(plan)).toEqual(['a[0,100)', 'b[0,100)']);
  });

  it('plans the SPEC example suite within 5% of its lower bound', () => {
    const plan = planShards({ tasks: tasks({ hellaswag: 10042, arc_challenge: 1172 }), shards: 8, pieceOverhead: 200 });
    expect(plan.lowerBound).toBe(1627);
    expect(plan.makespan).toBeGreaterThanOrEqual(plan.lowerBound);
    expect(plan.makespan / plan.lowerBound).toBeLessThanOrEqual(1.05);
    expect(plan.shards).toHaveLength(8);
  });

  it('drops shards left empty and still runs a task of no samples once', () => {
    const plan = planShards({ tasks: tasks({ smoke: 0, tiny: 3 }), shards: 5, pieceOverhead: 7 });
    // 3 samples + 7 would be 10; one sample per shard is 8, the bound: four shards, the fifth dropped.
    expect(plan.shards.map((s) => s.id)).toEqual([0, 1, 2, 3]);
    expect(rangesOf(plan)).toEqual(['smoke[0,0)', 'tiny[0,1)', 'tiny[1,2)', 'tiny[2,3)']);
    expect(plan).toMatchObject({ makespan: 8, lowerBound: 8 });
  });

  it('is the same plan whatever order the tasks come in', () => {
    const forward = planShards({ tasks: tasks({ a: 50, b: 50, c: 50, d: 13 }), shards: 2, pieceOverhead: 3 });
    const backward = planShards({ tasks: tasks({ d: 13, c: 50, b: 50, a: 50 }), shards: 2, pieceOverhead: 3 });
    expect(backward).toEqual(forward);
  });

  it("'auto' takes the fewest shards within 10% of the best makespan", () => {
    const suite = tasks({ a: 60, b: 50, c: 40, d: 30 });
    const plans = [1, 2, 3, 4, 5, 6].map((shards) => planShards({ tasks: suite, shards, pieceOverhead: 5 }));
    const best = Math.min(...plans.map((p) => p.makespan));
    const chosen = planShards({ tasks: suite, shards: 'auto', pieceOverhead: 5, maxShards: 6 });
    const fewest = plans.findIndex((p) => p.makespan <= best * 1.1);
    expect(chosen).toEqual(plans[fewest]);
    expect(plans[fewest - 1]!.makespan).toBeGreaterThan(best * 1.1);
  });

  it('rejects duplicate names, negative costs and shard counts below one', () => {
    expect(() => planShards({ tasks: tasks({ a: 1 }).concat(tasks({ a: 2 })), shards: 1, pieceOverhead: 0 })).toThrow('task "a" is listed twice');
    expect(() => planShards({ tasks: tasks({ a: -1 }), shards: 1, pieceOverhead: 0 })).toThrow('the cost of task "a"');
    expect(() => planShards({ tasks: tasks({ a: 1 }), shards: 0, pieceOverhead: 0 })).toThrow('shards must be a whole number');
  });
});

describe('computeLowerBound', () => {
  it('is the largest task plus overhead, or the average work, whichever binds', () => {
    expect(computeLowerBound([10, 10, 10], 2, 0)).toBe(15);
    expect(computeLowerBound([], 4, 100)).toBe(0);
    expect(computeLowerBound([0, 0, 0], 2, 4)).toBe(6);
    // fractional overheads give an exact, unrounded bound: 1 piece of 1 sample + 0.5
    expect(computeLowerBound([1], 3, 0.5)).toBe(1.5);
  });
});

describe('planShards with a vanishing fractional overhead', () => {
  it('still plans every sample (the case fast-check found: overhead 5e-324)', () => {
    const plan = planShards({ tasks: [{ name: ' ', cost: 1 }, { name: '!', cost: 0 }], shards: 1, pieceOverhead: 5e-324 });
    expect(plan.shards).toHaveLength(1);
    expect(plan.shards[0]!.pieces.map((p) => [p.task, p.offset, p.limit])).toEqual([[' ', 0, 1], ['!', 0, 0]]);
    expect(plan.makespan).toBeGreaterThanOrEqual(plan.lowerBound);
  });
});

describe('planShards with costs past what it can count exactly', () => {
  it('refuses a cost or overhead over 10^12 at once instead of searching forever', () => {
    const tasks = [{ name: 'a', cost: 300 }, { name: 'b', cost: 120 }];
    expect(() => planShards({ tasks, shards: 6, pieceOverhead: 1e18 })).toThrow(/piece-overhead must be at most 10\^12/);
    expect(() => planShards({ tasks: [{ name: 'a', cost: 1e15 }], shards: 2, pieceOverhead: 0 })).toThrow(/cost of task "a" must be at most 10\^12/);
  });
});
