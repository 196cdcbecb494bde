/** compareRuns: which rows a maintainer sees flagged, and the normal distribution behind the p-values. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compareRuns } from '../../../src/engines/eval/compare-runs.js';
import { normalCdf, twoSidedP } from '../../../src/engines/eval/normal-cdf.js';
import type { RunResult, TaskMetric } from '../../../src/engines/eval/result-types.js';
import { propertyRuns } from '../../support/property-runs.js';

const policy = { alpha: 0.05, threshold: 0.01 };
const m = (task: string, metric: string, value: number, stderr: number | null, higherIsBetter: boolean | null = true): TaskMetric => ({ task, metric, value, stderr, n: 1000, higherIsBetter });
const run = (...metrics: TaskMetric[]): RunResult => ({ metrics, partial: false, missing: [], coverage: {} });

/** erf by its Taylor series: slow but exact to ~1e-9 for |x| ≤ 4, an independent reference. */
function referenceCdf(x: number): number {
  const z = x / Math.SQRT2;
  let term = z, sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / n;
    sum += term / (2 * n + 1);
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

describe('normalCdf', () => {
  it.each([[1.96, 0.9750021], [-3, 0.0013499], [0, 0.5], [1, 0.8413447], [-1.644854, 0.05], [2.575829, 0.995]])('Φ(%p) = %p', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-6);
  });

  it('is within 1e-7 of the series reference from −5.5 to 5.5', () => {
    let worst = 0;
    for (let x = -5.5; x <= 5.5; x += 0.01) worst = Math.max(worst, Math.abs(normalCdf(x) - referenceCdf(x)));
    expect(worst).toBeLessThan(1e-7);
  });

  it('gives two-sided p-values that stay meaningful in the tails', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(10)).toBeGreaterThan(0);
    expect(twoSidedP(10) / 1.523971e-23).toBeCloseTo(1, 5);
  });
});

describe('compareRuns', () => {
  it.each([
    // task, cur, curSe, base, baseSe, higherIsBetter, verdict, test
    ['drop well beyond noise', 0.70, 0.01, 0.75, 0.01, true, 'regression', 'z-test'],
    ['rise well beyond noise', 0.80, 0.01, 0.75, 0.01, true, 'improvement', 'z-test'],
    ['drop within noise', 0.74, 0.02, 0.75, 0.02, true, 'unchanged', 'z-test'],
    ['perplexity rising is worse', 13.0, 0.1, 12.0, 0.1, false, 'regression', 'z-test'],
    ['perplexity falling is better', 11.0, 0.1, 12.0, 0.1, false, 'improvement', 'z-test'],
    ['unknown direction counts higher as better', 0.70, 0.01, 0.75, 0.01, null, 'regression', 'z-test'],
    ['no stderr: drop beyond threshold', 0.73, null, 0.75, 0.01, true, 'regression', 'threshold'],
    ['no stderr: drop within threshold', 0.745, null, 0.75, null, true, 'unchanged', 'threshold'],
    ['no stderr: rise beyond threshold', 0.77, 0.01, 0.75, null, true, 'improvement', 'threshold'],
    ['zero stderr on both sides falls back to the threshold', 0.9, 0, 1, 0, true, 'regression', 'threshold'],
  ] as const)('%s', (_name, cur, curSe, base, baseSe, higher, verdict, test) => {
    const comparison = compareRuns(run(m('t', 'x', cur, curSe, higher)), run(m('t', 'x', base, baseSe, higher)), policy, 'r-base');
    const row = comparison.rows[0]!;
    expect([row.verdict, row.test]).toEqual([verdict, test]);
    expect(row.delta).toBeCloseTo(cur - base, 12);
    expect(comparison.regressions).toBe(verdict === 'regression' ? 1 : 0);
  });

  it('computes z = Δ/sqrt(se1² + se2²) and its two-sided p', () => {
    const row = compareRuns(run(m('t', 'acc', 0.70, 0.03)), run(m('t', 'acc', 0.75, 0.04)), policy, 'r-base').rows[0]!;
    // z = −0.05 / 0.05 = −1 → p = 2·(1 − Φ(1)) = 0.3173105
    expect(row.p).toBeCloseTo(0.3173105, 6);
    expect(row.verdict).toBe('unchanged');
  });

  it('obeys the policy\'s alpha', () => {
    const strict = compareRuns(run(m('t', 'acc', 0.70, 0.02)), run(m('t', 'acc', 0.75, 0.02)), { alpha: 0.01, threshold: 0.01 }, 'r').rows[0]!;
    expect(strict.p).toBeCloseTo(0.0770999, 5);
    expect(strict.verdict).toBe('unchanged');
  });

  it('lists rows of either run in (task, metric) order, with new and dropped ones', () => {
    const comparison = compareRuns(
      run(m('b', 'acc', 0.5, 0.01), m('a', 'f1', 0.4, null), m('a', 'acc', 0.2, 0.01)),
      run(m('a', 'acc', 0.3, 0.01), m('c', 'acc', 0.9, 0.01)),
      policy, 'r-base',
    );
    expect(comparison.rows.map((r) => [r.task, r.metric, r.verdict])).toEqual([
      ['a', 'acc', 'regression'], ['a', 'f1', 'new'], ['b', 'acc', 'new'], ['c', 'acc', 'dropped'],
    ]);
    expect(comparison.rows[3]).toMatchObject({ baseline: 0.9, current: null, delta: null, p: null, test: 'none' });
    expect(comparison).toMatchObject({ regressions: 1, baselineRun: 'r-base' });
  });

  it('without a baseline run, every row is new and none is a regression', () => {
    const comparison = compareRuns(run(m('a', 'acc', 0.2, 0.01)), null, policy, 'r-ignored');
    expect(comparison).toEqual({ rows: [{ task: 'a', metric: 'acc', baseline: null, current: 0.2, delta: null, p: null, test: 'none', verdict: 'new' }], regressions: 0, baselineRun: null });
  });

  it('mirrors: swapping the runs, or the direction of the metric, swaps regression and improvement', () => {
    const side = fc.record({ value: fc.double({ min: -100, max: 100, noNaN: true }), stderr: fc.option(fc.double({ min: 0, max: 5, noNaN: true })) });
    const mirror = { regression: 'improvement', improvement: 'regression', unchanged: 'unchanged' } as const;
    fc.assert(fc.property(side, side, fc.boolean(), (a, b, higher) => {
      const verdict = (x: typeof a, y: typeof a, h: boolean) => compareRuns(run(m('t', 'x', x.value, x.stderr, h)), run(m('t', 'x', y.value, y.stderr, h)), policy, 'r').rows[0]!.verdict;
      const forward = verdict(a, b, higher) as keyof typeof mirror;
      expect(verdict(b, a, higher)).toBe(mirror[forward]);
      expect(verdict(a, b, !higher)).toBe(mirror[forward]);
    }), propertyRuns(300));
  });
});
