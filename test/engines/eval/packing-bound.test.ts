/** computePackingBound: never below the plain bound, never above the optimum (brute force on tiny suites). */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computeLowerBound } from '../../../src/engines/eval/lower-bound.js';
import { computePackingBound } from '../../../src/engines/eval/packing-bound.js';
import { planShards } from '../../../src/engines/eval/plan-shards.js';
import { propertyRuns } from '../../support/property-runs.js';

/** MMLU's 57 subject test sizes (cais/mmlu), as in bench/eval-plan/distributions.js. */
const MMLU = [
  100, 135, 152, 100, 265, 144, 100, 100, 100, 173, 102, 100, 235, 114, 145, 378, 126, 100, 310, 203, 100, 165, 198, 193, 390, 270, 238, 151,
  545, 216, 204, 237, 223, 131, 121, 108, 163, 112, 103, 234, 100, 783, 346, 895, 306, 311, 324, 282, 1534, 272, 612, 110, 245, 201, 100, 166, 171,
];

/** The least makespan over every way to spread each task's samples over the shards (tiny inputs only). */
function bruteForceOptimum(sizes: readonly number[], shards: number, h: number): number {
  const sorted = [...sizes].sort((a, b) => b - a);
  let best = sorted.reduce((sum, s) => sum + s + h, 0);
  const loads = new Array<number>(shards).fill(0);
  const place = (t: number): void => {
    if (Math.max(...loads) >= best) return;
    if (t === sorted.length) {
      best = Math.max(...loads);
      return;
    }
    const s = sorted[t]!;
    if (s === 0) return placeEmpty(t);
    const split = (shard: number, left: number): void => {
      if (shard === shards - 1) {
        if (left > 0) loads[shard]! += left + h;
        place(t + 1);
        if (left > 0) loads[shard]! -= left + h;
        return;
      }
      for (let x = 0; x <= left; x++) {
        if (x > 0) loads[shard]! += x + h;
        split(shard + 1, left - x);
        if (x > 0) loads[shard]! -= x + h;
      }
    };
    split(0, s);
  };
  const placeEmpty = (t: number): void => {
    for (let shard = 0; shard < shards; shard++) {
      loads[shard]! += h;
      place(t + 1);
      loads[shard]! -= h;
    }
  };
  place(0);
  return best;
}

describe('computePackingBound', () => {
  it.each([
    // 120 tasks of 500, 64 shards, h = 200: below 1,400 a shard holds one whole task, so 56 split.
    { name: 'uniform 120 × 500 on 64 shards', sizes: new Array<number>(120).fill(500), shards: 64, h: 200, plain: 1313, packing: 1400 },
    { name: 'uniform 120 × 500 on 32 shards', sizes: new Array<number>(120).fill(500), shards: 32, h: 200, plain: 2625, packing: 2775 },
    { name: 'no overhead: the plain bound', sizes: [6, 5, 4, 3, 2, 1], shards: 3, h: 0, plain: 7, packing: 7 },
    // Two whole tasks (20 + 20) never share a shard below 40, so one of the three splits: 35, the optimum.
    { name: 'three equal tasks on two shards', sizes: [10, 10, 10], shards: 2, h: 10, plain: 30, packing: 35 },
    // Below 25 (12 + 13) no two whole tasks share a shard, so one of the four splits: 24, the optimum
    // (10 | 5 + 1 sample of 3 | 4 + 2 samples of 3), where the plain bound says 20.
    { name: 'four small tasks on three shards', sizes: [4, 3, 5, 10], shards: 3, h: 9, plain: 20, packing: 24 },
    { name: 'no tasks', sizes: [], shards: 4, h: 5, plain: 0, packing: 0 },
    // Four tasks on three shards, h = 5: at 16 one shard holds two pieces and so at most 6 samples,
    // but the two smallest tasks leave it 8 (4 + 4): the room test says 17, the optimum (6 | 5 | 4 + 4).
    { name: 'four tasks on three shards (room test)', sizes: [6, 5, 4, 4], shards: 3, h: 5, plain: 13, packing: 17 },
    // MMLU's 57 subjects, 64 shards, h = 200: ~9 shards must hold two pieces and then ≤ C − 2h samples.
    { name: 'MMLU on 64 shards, h = 200', sizes: MMLU, shards: 64, h: 200, plain: 470, packing: 533 },
  ])('$name: plain $plain, packing $packing', ({ sizes, shards, h, plain, packing }) => {
    expect(computeLowerBound(sizes, shards, h)).toBe(plain);
    expect(computePackingBound(sizes, shards, h)).toBe(packing);
  });

  it('is met by planShards where the plain bound is not (uniform suite, 64 shards, h = 200)', () => {
    const tasks = Array.from({ length: 120 }, (_, i) => ({ name: `t${i}`, cost: 500 }));
    expect(planShards({ tasks, shards: 64, pieceOverhead: 200 }).makespan).toBe(1400);
  });

  it('lies between the plain bound and the makespan of every plan planShards returns', () => {
    const sizes = fc.array(fc.nat(600), { minLength: 1, maxLength: 30 });
    const overhead = fc.oneof(fc.nat(300), fc.double({ min: 0, max: 50, noNaN: true }));
    fc.assert(fc.property(sizes, fc.integer({ min: 1, max: 40 }), overhead, (costs, shards, h) => {
      const packing = computePackingBound(costs, shards, h);
      const plan = planShards({ tasks: costs.map((cost, i) => ({ name: `t${i}`, cost })), shards, pieceOverhead: h });
      expect(packing).toBeGreaterThanOrEqual(computeLowerBound(costs, shards, h) - 1e-9);
      expect(packing).toBeLessThanOrEqual(plan.makespan + 1e-9);
    }), propertyRuns(300));
  });

  it('never exceeds the true optimum on tiny suites (brute force over piece splits)', () => {
    const sizes = fc.array(fc.nat(5), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(sizes, fc.integer({ min: 1, max: 3 }), fc.nat(5), (costs, shards, h) => {
      expect(computePackingBound(costs, shards, h)).toBeLessThanOrEqual(bruteForceOptimum(costs, shards, h));
    }), propertyRuns(Number(process.env.H8_RUNS ?? 150)));
  });

  it('never exceeds the true optimum where shards must share (more tasks than shards, larger h)', () => {
    // Where the room test bites: several tasks per shard, h beside them, some fractional.
    const sizes = fc.array(fc.nat(9), { minLength: 3, maxLength: 5 });
    const overhead = fc.oneof(fc.nat(8), fc.double({ min: 0, max: 8, noNaN: true }));
    fc.assert(fc.property(sizes, fc.integer({ min: 2, max: 3 }), overhead, (costs, shards, h) => {
      expect(computePackingBound(costs, shards, h)).toBeLessThanOrEqual(bruteForceOptimum(costs, shards, h) + 1e-9);
    }), propertyRuns(150));
  });

  it('the brute force finds the known optimum (three tasks of 10 on two shards, h = 10: 35)', () => {
    expect(bruteForceOptimum([10, 10, 10], 2, 10)).toBe(35);
    expect(bruteForceOptimum([6, 5, 4, 3, 2, 1], 3, 0)).toBe(7);
    expect(bruteForceOptimum([4, 3, 5, 10], 3, 9)).toBe(24);
    expect(bruteForceOptimum([6, 5, 4, 4], 3, 5)).toBe(17);
  });
});
