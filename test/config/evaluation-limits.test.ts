import { describe, expect, it } from '@jest/globals';
import { validateConfigData } from '../../src/config/validate-config.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';

const withSuite = (suite: Record<string, unknown>) => ({
  ...DEFAULT_CONFIG,
  evaluation: { suites: { default: { command: 'run {task}', tasks: [{ name: 'a', cost: 10 }], ...suite } } },
});

describe('evaluation limits in the schema', () => {
  it('refuses costs and overheads past 10^12, which the planner could not count exactly', () => {
    const huge = validateConfigData(withSuite({ tasks: [{ name: 'a', cost: 1e18 }], 'piece-overhead': 1e15 }));
    expect(huge.map((p) => p.field)).toEqual(expect.arrayContaining(['/evaluation/suites/default/tasks/0/cost', '/evaluation/suites/default/piece-overhead']));
    expect(validateConfigData(withSuite({ 'piece-overhead': 200 }))).toEqual([]);
  });
});
