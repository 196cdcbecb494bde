/** Merging pieces must read like evaluating the concatenated samples: lm-eval's claim, checked on random 0/1 samples. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { aggregateRun } from '../../../src/engines/eval/aggregate-run.js';
import type { MetricValue } from '../../../src/engines/eval/shard-types.js';
import { propertyRuns } from '../../support/property-runs.js';
import { okPiece, planOf, shardResult } from './aggregate-fixtures.js';

/** What lm-eval computes for a `mean` metric over 0/1 samples: the mean and sqrt(p(1−p)/(n−1)). */
function describeSamples(samples: readonly number[]): MetricValue {
  const n = samples.length;
  const p = samples.reduce((a, b) => a + b, 0) / n;
  return { value: p, stderr: Math.sqrt((p * (1 - p)) / (n - 1)), n, higherIsBetter: true };
}

/** Each slice as one piece of its own shard, through aggregateRun. */
function mergeSlices(slices: readonly number[][]) {
  let offset = 0;
  const ranges = slices.map((s) => { const r: [string, number, number] = ['t', offset, s.length]; offset += s.length; return r; });
  const run = aggregateRun(planOf(ranges.map((r) => [r])), slices.map((s, i) => ({
    shard: i, reason: null, result: shardResult(i, [okPiece('t', ranges[i]![1], s.length, { 'acc,none': describeSamples(s) })]),
  })));
  return run.metrics[0]!;
}

const slices = fc.array(fc.array(fc.constantFrom(0, 1), { minLength: 30, maxLength: 120 }), { minLength: 1, maxLength: 8 });

describe('aggregateRun against the concatenation of all samples', () => {
  it('merges means to the mean over all samples, and never pools a stderr above the concatenation\'s (times the degrees-of-freedom factor)', () => {
    fc.assert(fc.property(slices, (parts) => {
      const all = describeSamples(parts.flat());
      const merged = mergeSlices(parts);
      expect(merged.value).toBeCloseTo(all.value, 12);
      expect(merged.n).toBe(all.n);
      // Pooled variance is within-piece variance: at most the total (sum of squares within ≤ total).
      const factor = Math.sqrt((all.n - 1) / (all.n - parts.length));
      expect(merged.stderr!).toBeLessThanOrEqual(all.stderr! * factor + 1e-12);
    }), propertyRuns(200));
  });

  it('pools a stderr within 5% of the concatenation\'s when pieces are alike (n_i ≥ 30)', () => {
    // Pieces of one task drawn at the same rate: lm-eval's "empirically matches the concatenation".
    const alike = fc.record({ p: fc.double({ min: 0.05, max: 0.95, noNaN: true }), sizes: fc.array(fc.integer({ min: 30, max: 400 }), { minLength: 1, maxLength: 10 }) });
    fc.assert(fc.property(alike, ({ p, sizes }) => {
      const parts = sizes.map((n) => { const ones = Math.round(p * n); return Array.from({ length: n }, (_, i) => (i < ones ? 1 : 0)); });
      const all = describeSamples(parts.flat());
      const merged = mergeSlices(parts);
      expect(merged.value).toBeCloseTo(all.value, 12);
      expect(Math.abs(merged.stderr! - all.stderr!)).toBeLessThanOrEqual(0.05 * all.stderr!);
    }), propertyRuns(200));
  });
});
