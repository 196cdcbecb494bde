/** Properties of planShards on random suites: exact coverage, bounds, never worse than plain LPT. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { planShards } from '../../../src/engines/eval/plan-shards.js';
import type { ShardPlan } from '../../../src/engines/eval/plan-types.js';
import { propertyRuns } from '../../support/property-runs.js';

const suite = fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), cost: fc.nat(400) }), {
  minLength: 1, maxLength: 9, selector: (t) => t.name,
});
const overhead = fc.oneof(fc.nat(80), fc.double({ min: 0, max: 30, noNaN: true }));

/** Plain LPT, every task whole, written independently of the engine. */
function lptWithoutSplitting(tasks: { name: string; cost: number }[], shards: number, h: number): number {
  const loads = new Array<number>(shards).fill(0);
  const sorted = [...tasks].sort((a, b) => b.cost - a.cost || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const t of sorted) {
    const i = loads.indexOf(Math.min(...loads));
    loads[i]! += t.cost + h;
  }
  return Math.max(...loads);
}

function expectExactCoverage(plan: ShardPlan, tasks: { name: string; cost: number }[]): void {
  for (const task of tasks) {
    const pieces = plan.shards.flatMap((s) => s.pieces).filter((p) => p.task === task.name).sort((a, b) => a.offset - b.offset);
    let next = 0;
    for (const p of pieces) {
      expect(p.offset).toBe(next);
      next += p.limit;
    }
    expect(next).toBe(task.cost);
    expect(pieces.length).toBeGreaterThanOrEqual(1);
  }
  expect(new Set(plan.shards.flatMap((s) => s.pieces.map((p) => p.task))).size).toBe(tasks.length);
}

describe('planShards properties', () => {
  it('covers every sample once, respects the lower bound and never loses to plain LPT', () => {
    fc.assert(fc.property(suite, fc.integer({ min: 1, max: 12 }), overhead, (tasks, shards, h) => {
      const plan = planShards({ tasks, shards, pieceOverhead: h });
      expectExactCoverage(plan, tasks);
      expect(plan.shards.length).toBeLessThanOrEqual(shards);
      expect(plan.shards.map((s) => s.id)).toEqual(plan.shards.map((_, i) => i));
      for (const shard of plan.shards) {
        expect(shard.pieces.length).toBeGreaterThan(0);
        for (const p of shard.pieces) expect(p.cost).toBeCloseTo(p.limit + h, 9);
        expect(shard.cost).toBeCloseTo(shard.pieces.reduce((sum, p) => sum + p.cost, 0), 9);
      }
      expect(plan.makespan).toBeCloseTo(Math.max(...plan.shards.map((s) => s.cost)), 9);
      expect(plan.makespan).toBeGreaterThanOrEqual(plan.lowerBound - 1e-9);
      expect(plan.makespan).toBeLessThanOrEqual(lptWithoutSplitting(tasks, shards, h) + 1e-9);
    }), propertyRuns(300));
  });

  it("'auto' stays within maxShards and within 10% of any fixed count it could have chosen", () => {
    fc.assert(fc.property(suite, fc.integer({ min: 1, max: 8 }), fc.nat(50), (tasks, most, h) => {
      const plan = planShards({ tasks, shards: 'auto', pieceOverhead: h, maxShards: most });
      expectExactCoverage(plan, tasks);
      expect(plan.shards.length).toBeLessThanOrEqual(most);
      const best = Math.min(...Array.from({ length: most }, (_, i) => planShards({ tasks, shards: i + 1, pieceOverhead: h }).makespan));
      expect(plan.makespan).toBeLessThanOrEqual(best * 1.1 + 1e-9);
    }), propertyRuns(100));
  });
});
