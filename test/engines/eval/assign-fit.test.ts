/** assignFit / packAt: whole tasks best-fit, tasks that fit nowhere cut into the fewest, largest rooms. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { assignFit, packAt } from '../../../src/engines/eval/assign-fit.js';
import type { Assignment, Portion } from '../../../src/engines/eval/plan-types.js';
import { propertyRuns } from '../../support/property-runs.js';

const portions = (sizes: number[]): Portion[] => sizes.map((samples, i) => ({ task: `t${i}`, samples })).sort((a, b) => b.samples - a.samples);
const costOf = (shard: Portion[], h: number): number => shard.reduce((sum, p) => sum + p.samples + h, 0);
const makespanOf = (a: Assignment, h: number): number => Math.max(...a.map((s) => costOf(s, h)));

describe('packAt', () => {
  it('puts a task whole on the tightest shard that holds it', () => {
    // Capacity 100, h 10: 60 goes to shard 0 (room 30 left), 20 fits there, not into the empty shard 1.
    const packed = packAt(portions([60, 20]), 2, 10, 100)!;
    expect(packed).toEqual([[{ task: 't0', samples: 60 }, { task: 't1', samples: 20 }], []]);
  });

  it('cuts a task that fits nowhere into as few pieces as the largest rooms allow', () => {
    // Rooms after 50, 30, 10 (h 10, C 100): 40, 60, 80; a task of 100 needs two pieces: 70 + 30.
    const packed = packAt([{ task: 'big', samples: 100 }, ...portions([50, 30, 10])].sort((a, b) => b.samples - a.samples), 3, 10, 100);
    expect(packed).not.toBeNull();
    const pieces = packed!.flatMap((s) => s.filter((p) => p.task === 'big'));
    expect(pieces.map((p) => p.samples).reduce((a, b) => a + b, 0)).toBe(100);
    expect(pieces).toHaveLength(2);
    expect(makespanOf(packed!, 10)).toBeLessThanOrEqual(100);
  });

  it('gives the last piece at least h samples when the first pieces can spare them', () => {
    // Two empty shards of room 100 − 10 = 90 samples each; a task of 95 would leave a 5-sample sliver.
    const packed = packAt(portions([95]), 2, 10, 100)!;
    expect(packed.map((s) => s.map((p) => p.samples))).toEqual([[85], [10]]);
  });

  it('returns null when the rooms cannot hold every sample', () => {
    expect(packAt(portions([100, 100]), 2, 10, 100)).toBeNull();
    expect(packAt([{ task: 'empty', samples: 0 }], 1, 10, 9)).toBeNull();
  });
});

describe('assignFit', () => {
  it('finds 1,400 for 120 tasks of 500 on 64 shards with h = 200 (the optimum)', () => {
    const packed = assignFit(portions(new Array<number>(120).fill(500)), 64, 200, 1313, 1500)!;
    expect(makespanOf(packed, 200)).toBe(1400);
  });

  it('returns null when nothing below the current best packs', () => {
    expect(assignFit(portions([10, 10]), 1, 5, 0, 30)).toBeNull();
  });

  it('covers every sample once, one piece per task per shard, within the capacity it reports', () => {
    const sizes = fc.array(fc.nat(300), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(sizes, fc.integer({ min: 1, max: 10 }), fc.nat(60), (costs, shards, h) => {
      const tasks = portions(costs);
      const ceiling = tasks.reduce((sum, t) => sum + t.samples + h, 0) + 1;
      const packed = assignFit(tasks, shards, h, 0, ceiling);
      expect(packed).not.toBeNull();
      expect(packed).toHaveLength(shards);
      for (const task of tasks) {
        const pieces = packed!.flatMap((s) => s.filter((p) => p.task === task.task));
        expect(pieces.reduce((sum, p) => sum + p.samples, 0)).toBe(task.samples);
        expect(pieces.length).toBeGreaterThanOrEqual(1);
        expect(packed!.filter((s) => s.some((p) => p.task === task.task))).toHaveLength(pieces.length);
        if (task.samples > 0) expect(pieces.every((p) => p.samples > 0)).toBe(true);
      }
      expect(makespanOf(packed!, h)).toBeLessThan(ceiling);
    }), propertyRuns(200));
  });
});
