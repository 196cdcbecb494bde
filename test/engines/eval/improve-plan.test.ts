/** improvePlan: local search on the most loaded shard; every sample kept, never worse, deterministic. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { improvePlan } from '../../../src/engines/eval/improve-plan.js';
import { planShards } from '../../../src/engines/eval/plan-shards.js';
import type { Assignment } from '../../../src/engines/eval/plan-types.js';
import { propertyRuns } from '../../support/property-runs.js';

const loadsOf = (a: Assignment, h: number): number[] => a.map((s) => s.reduce((sum, p) => sum + p.samples + h, 0));
const makespanOf = (a: Assignment, h: number): number => Math.max(0, ...loadsOf(a, h));

/** Samples per task over all shards. */
function totals(a: Assignment): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of a.flat()) out.set(p.task, (out.get(p.task) ?? 0) + p.samples);
  return out;
}

describe('improvePlan', () => {
  it('merges a second piece of a task into the shard already running it (one overhead saved)', () => {
    // h 10: shard 0 = 50 + 10 + 20 + 10 = 90, shard 1 = 20 + 10 = 30. B's 20 samples join shard 1: 60 | 50.
    const improved = improvePlan([[{ task: 'A', samples: 50 }, { task: 'B', samples: 20 }], [{ task: 'B', samples: 20 }]], 10);
    expect(improved).toEqual([[{ task: 'A', samples: 50 }], [{ task: 'B', samples: 40 }]]);
  });

  it('shifts samples between two pieces of one task until both shards meet in the middle', () => {
    // h 10: 80 + 10 = 90 against 10 + 10 + 20 + 10 = 50: 20 samples of A move over, 70 | 70.
    const improved = improvePlan([[{ task: 'A', samples: 80 }], [{ task: 'A', samples: 10 }, { task: 'B', samples: 20 }]], 10);
    expect(loadsOf(improved, 10)).toEqual([70, 70]);
    expect(totals(improved).get('A')).toBe(90);
  });

  it('moves a whole piece where cutting one would cost more', () => {
    // h 10: 1 + 10 + 9 + 10 = 30 | 5 + 10 = 15. A (11) moves over: 19 | 26; cutting B would leave 28 | 27.
    const improved = improvePlan([[{ task: 'A', samples: 1 }, { task: 'B', samples: 9 }], [{ task: 'C', samples: 5 }]], 10);
    expect(improved).toEqual([[{ task: 'B', samples: 9 }], [{ task: 'C', samples: 5 }, { task: 'A', samples: 1 }]]);
    // Onto an empty shard: 30 + 5 | 30 + 5.
    expect(loadsOf(improvePlan([[{ task: 'A', samples: 30 }, { task: 'B', samples: 30 }], []], 5), 5)).toEqual([35, 35]);
  });

  it('swaps a piece for a lighter one of another shard when h forbids cutting or moving', () => {
    // h 100: 10 + 10 + 200 = 220 | 5 + 1 + 200 = 206. Moving or cutting pays 100 more; swapping A for C: 215 | 211.
    const plan: Assignment = [[{ task: 'A', samples: 10 }, { task: 'B', samples: 10 }], [{ task: 'C', samples: 5 }, { task: 'D', samples: 1 }]];
    const improved = improvePlan(plan, 100);
    expect(loadsOf(improved, 100)).toEqual([215, 211]);
    expect(improved.map((s) => s.map((p) => p.task).sort())).toEqual([['B', 'C'], ['A', 'D']]);
  });

  it('stops at the given floor and leaves an optimal plan as it is', () => {
    const plan: Assignment = [[{ task: 'A', samples: 40 }], [{ task: 'B', samples: 40 }]];
    expect(improvePlan(plan, 10, 50)).toEqual(plan);
    expect(improvePlan(plan, 10)).toEqual(plan);
  });

  it('lowers MMLU on 32 shards with h = 200 below the constructive candidates (890)', () => {
    const sizes = [
      100, 135, 152, 100, 265, 144, 100, 100, 100, 173, 102, 100, 235, 114, 145, 378, 126, 100, 310, 203, 100, 165, 198, 193, 390, 270, 238, 151,
      545, 216, 204, 237, 223, 131, 121, 108, 163, 112, 103, 234, 100, 783, 346, 895, 306, 311, 324, 282, 1534, 272, 612, 110, 245, 201, 100, 166, 171,
    ];
    const tasks = sizes.map((cost, i) => ({ name: `mmlu_${String(i).padStart(2, '0')}`, cost }));
    expect(planShards({ tasks, shards: 32, pieceOverhead: 200 }).makespan).toBeLessThanOrEqual(878);
  });

  it('keeps every sample in exactly one piece, one piece per task per shard, never worse, same answer twice', () => {
    const portion = fc.record({ task: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), samples: fc.integer({ min: 1, max: 300 }) });
    const assignment = fc.array(fc.array(portion, { maxLength: 5 }), { minLength: 1, maxLength: 8 });
    const overhead = fc.oneof(fc.nat(100), fc.double({ min: 0, max: 40, noNaN: true }));
    fc.assert(fc.property(assignment, overhead, (plan, h) => {
      const before = makespanOf(plan, h);
      const snapshot = JSON.stringify(plan);
      const improved = improvePlan(plan, h);
      expect(JSON.stringify(plan)).toBe(snapshot); // the input is not changed
      expect(improved).toHaveLength(plan.length);
      expect(totals(improved)).toEqual(totals(plan));
      for (const shard of improved) {
        expect(new Set(shard.map((p) => p.task)).size).toBe(shard.length);
        for (const p of shard) expect(p.samples).toBeGreaterThanOrEqual(1);
      }
      // Within capacity: no shard ends above the makespan it started from.
      for (const load of loadsOf(improved, h)) expect(load).toBeLessThanOrEqual(before + 1e-9);
      expect(improvePlan(plan, h)).toEqual(improved);
    }), propertyRuns(300));
  });
});
