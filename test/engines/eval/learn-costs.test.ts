import { describe, expect, it } from '@jest/globals';
import { learnCosts, NEWEST_ROWS_PER_TASK, type HistoryRow } from '../../../src/engines/eval/learn-costs.js';

const rowsOf = (task: string, overhead: number, rate: number, sizes: number[]): HistoryRow[] =>
  sizes.map((samples) => ({ task, samples, seconds: overhead + rate * samples }));

describe('learnCosts', () => {
  it('recovers a shared overhead and per-task rates from exact durations', () => {
    const history = [...rowsOf('hellaswag', 30, 0.5, [100, 400, 1000]), ...rowsOf('mmlu', 30, 2, [50, 200])];
    const learned = learnCosts(['hellaswag', 'mmlu'], history)!;
    expect(learned.overhead).toBeCloseTo(30, 6);
    expect(learned.rates.hellaswag).toBeCloseTo(0.5, 6);
    expect(learned.rates.mmlu).toBeCloseTo(2, 6);
    expect(learned.measured.sort()).toEqual(['hellaswag', 'mmlu']);
  });

  it('cannot tell overhead from rate when each task ran at one size: overhead 0, rate = seconds / samples', () => {
    const learned = learnCosts(['a'], [{ task: 'a', samples: 100, seconds: 250 }, { task: 'a', samples: 100, seconds: 250 }])!;
    expect(learned.overhead).toBe(0);
    expect(learned.rates.a).toBeCloseTo(2.5, 9);
  });

  it('gives a task without history the median rate of the known tasks', () => {
    const history = [...rowsOf('a', 0, 1, [10]), ...rowsOf('b', 0, 3, [10]), ...rowsOf('c', 0, 10, [10])];
    const learned = learnCosts(['a', 'b', 'c', 'new'], history)!;
    expect(learned.rates.new).toBeCloseTo(3, 9);
    expect(learned.measured).not.toContain('new');
  });

  it('clamps a negative fitted overhead to 0 and never returns a negative or NaN rate', () => {
    // Bigger pieces were relatively faster: the unconstrained fit would want overhead < 0.
    const history = [{ task: 'a', samples: 10, seconds: 1 }, { task: 'a', samples: 1000, seconds: 1000 }, { task: 'b', samples: 5, seconds: 0 }];
    const learned = learnCosts(['a', 'b'], history)!;
    expect(learned.overhead).toBe(0);
    for (const rate of Object.values(learned.rates)) {
      expect(Number.isFinite(rate)).toBe(true);
      expect(rate).toBeGreaterThanOrEqual(0);
    }
  });

  it(`uses only the newest ${NEWEST_ROWS_PER_TASK} rows of a task (old outliers age out)`, () => {
    const old = rowsOf('a', 0, 100, Array.from({ length: 20 }, () => 10));
    const recent = rowsOf('a', 0, 1, Array.from({ length: NEWEST_ROWS_PER_TASK }, () => 10));
    expect(learnCosts(['a'], [...old, ...recent])!.rates.a).toBeCloseTo(1, 9);
  });

  it('ignores unusable rows and other tasks; with nothing usable it returns null (plan on estimates)', () => {
    const bad: HistoryRow[] = [
      { task: 'a', samples: Number.NaN, seconds: 10 }, { task: 'a', samples: 10, seconds: -1 },
      { task: 'a', samples: 0, seconds: 40 }, { task: 'other', samples: 10, seconds: 10 },
    ];
    expect(learnCosts(['a'], bad)).toBeNull();
    expect(learnCosts(['a'], [])).toBeNull();
  });
});
