import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { planSuite } from '../../../src/engines/eval/plan-suite.js';
import { readEvalConfig } from '../../../src/engines/eval/read-eval-config.js';
import { propertyRuns } from '../../support/property-runs.js';

const NAMES = ['arc', 'gsm8k', 'hellaswag', 'mmlu', 'piqa'];

describe('planSuite on learned costs (property)', () => {
  it('keeps pieces as sample ranges covering every task exactly once, with finite non-negative costs', () => {
    const arb = fc.record({
      sizes: fc.tuple(...NAMES.map(() => fc.integer({ min: 0, max: 5000 }))),
      shards: fc.integer({ min: 1, max: 12 }),
      overhead: fc.integer({ min: 0, max: 300 }),
      history: fc.array(fc.record({
        task: fc.constantFrom(...NAMES), samples: fc.integer({ min: 0, max: 3000 }), seconds: fc.double({ min: 0, max: 1e5, noNaN: true }),
      }), { minLength: 1, maxLength: 40 }),
    });
    fc.assert(fc.property(arb, ({ sizes, shards, overhead, history }) => {
      const tasks = NAMES.map((name, i) => ({ name, cost: sizes[i]! }));
      const { config } = readEvalConfig({ suites: { s: { command: 'c', shards, 'piece-overhead': overhead, tasks } } });
      const plan = planSuite(config, 's', history);
      expect(plan.shards.length).toBeLessThanOrEqual(shards);
      for (const task of tasks) {
        const pieces = plan.shards.flatMap((s) => s.pieces).filter((p) => p.task === task.name).sort((a, b) => a.offset - b.offset);
        let next = 0;
        for (const p of pieces) {
          expect(p.offset).toBe(next);
          expect(Number.isInteger(p.limit) && p.limit >= 0).toBe(true);
          next += p.limit;
        }
        expect(next).toBe(task.cost);
      }
      for (const value of [plan.makespan, plan.lowerBound, ...plan.shards.map((s) => s.cost)]) {
        expect(Number.isFinite(value) && value >= 0).toBe(true);
      }
      expect(plan.lowerBound).toBeLessThanOrEqual(plan.makespan);
    }), propertyRuns(200));
  });
});
