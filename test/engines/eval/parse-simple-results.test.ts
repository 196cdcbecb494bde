/** parseSimpleResults and the published schema of the simple format. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseSimpleResults, SIMPLE_RESULTS_SCHEMA } from '../../../src/engines/eval/parse-simple-results.js';

describe('parseSimpleResults', () => {
  it('reads plain numbers and {value, stderr} for the given task, with the direction when stated', () => {
    const text = JSON.stringify({ metrics: { accuracy: 0.8, loss: { value: 1.25, stderr: 0.05 } }, samples: 200, higher_is_better: { loss: false } });
    expect(parseSimpleResults(text, 'qa')).toEqual({
      metrics: {
        qa: {
          accuracy: { value: 0.8, stderr: null, n: 200, higherIsBetter: null },
          loss: { value: 1.25, stderr: 0.05, n: 200, higherIsBetter: false },
        },
      },
      problems: [],
    });
  });

  it('rejects a file that does not match the schema, naming the fields', () => {
    const missing = parseSimpleResults(JSON.stringify({ metrics: { accuracy: 0.8 } }), 'qa');
    expect(missing.metrics).toEqual({});
    expect(missing.problems[0]).toMatch(/simple format.*must have required property 'samples'/);
    const wrong = parseSimpleResults(JSON.stringify({ metrics: { accuracy: '80%' }, samples: 1.5, extra: 1 }), 'qa');
    expect(wrong.problems[0]).toMatch(/metrics\.accuracy must be number/);
    expect(wrong.problems[0]).toMatch(/samples must be integer/);
    expect(wrong.problems[0]).toMatch(/\("extra"\)/);
  });

  it('explains a file that is not JSON', () => {
    expect(parseSimpleResults('accuracy=0.8', 'qa').problems[0]).toMatch(/not JSON.*"metrics"/);
  });

  it('publishes the schema it validates with', () => {
    const published = JSON.parse(readFileSync(new URL('../../../schemas/eval-results.simple.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(SIMPLE_RESULTS_SCHEMA);
  });
});
