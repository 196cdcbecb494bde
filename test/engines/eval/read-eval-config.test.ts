import { describe, expect, it } from '@jest/globals';
import { readEvalConfig } from '../../../src/engines/eval/read-eval-config.js';

const SPEC_EXAMPLE = {
  workflow: 'steward-eval.yml',
  strategy: 'least-loaded',
  pools: [
    { name: 'a100', 'runs-on': ['self-hosted', 'a100'], capacity: 4, weight: 2 },
    { name: 'cpu', 'runs-on': ['ubuntu-latest'], capacity: 20, weight: 1 },
  ],
  quotas: { 'concurrent-shards': 8, 'runner-minutes-per-month': 6000 },
  regression: { alpha: 0.05, threshold: 0.01 },
  forks: 'require-approval',
  suites: {
    default: {
      shards: 8,
      pool: 'a100',
      'piece-overhead': 200,
      command: 'lm_eval --model hf --model_args pretrained={model} --tasks {task} --offset {offset} --limit {limit} --output_path {output}',
      tasks: [{ name: 'hellaswag', cost: 10042 }, { name: 'arc_challenge', cost: 1172 }],
    },
  },
};

describe('readEvalConfig', () => {
  it('reads the SPEC.md example with every default filled in', () => {
    const { config, problems } = readEvalConfig(SPEC_EXAMPLE);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      workflow: 'steward-eval.yml',
      strategy: 'least-loaded',
      pools: [
        { name: 'a100', runsOn: ['self-hosted', 'a100'], capacity: 4, weight: 2 },
        { name: 'cpu', runsOn: ['ubuntu-latest'], capacity: 20, weight: 1 },
      ],
      quotas: { concurrentShards: 8, runnerMinutesPerMonth: 6000 },
      organizationQuotas: { concurrentShards: null, runnerMinutesPerMonth: null },
      regression: { alpha: 0.05, threshold: 0.01 },
      forks: 'require-approval',
      retries: 2,
      triggers: { labels: ['run-eval'], paths: [] },
      baselineSuites: ['default'],
      suites: {
        default: {
          name: 'default', shards: 8, pool: 'a100', pieceOverhead: 200, command: SPEC_EXAMPLE.suites.default.command,
          model: '.', format: 'lm-eval', timeoutMinutes: 360,
          tasks: [{ name: 'hellaswag', cost: 10042 }, { name: 'arc_challenge', cost: 1172 }],
        },
      },
    });
  });

  it('fills defaults for an empty or missing section', () => {
    for (const section of [undefined, null, {}]) {
      const { config, problems } = readEvalConfig(section);
      expect(problems).toEqual([]);
      expect(config).toMatchObject({
        workflow: 'steward-eval.yml', strategy: 'least-loaded', pools: [], forks: 'require-approval', retries: 2,
        regression: { alpha: 0.05, threshold: 0.01 }, triggers: { labels: ['run-eval'], paths: [] }, baselineSuites: [], suites: {},
        quotas: { concurrentShards: null, runnerMinutesPerMonth: null },
      });
    }
  });

  it('reads pool defaults, a runs-on string, suite options and triggers', () => {
    const { config, problems } = readEvalConfig({
      strategy: 'fair-share', forks: 'deny', retries: 0,
      pools: [{ name: 'cpu', 'runs-on': 'ubuntu-latest' }],
      triggers: { labels: ['eval', 'bench'], paths: ['models/**'] },
      'baseline-suites': ['quick'],
      suites: { quick: { command: 'python eval.py {task}', shards: 'auto', model: 'org/tiny', format: 'simple', 'timeout-minutes': 30, tasks: [{ name: 'a', cost: 5 }] } },
    });
    expect(problems).toEqual([]);
    expect(config.pools).toEqual([{ name: 'cpu', runsOn: ['ubuntu-latest'], capacity: 1, weight: 1 }]);
    expect(config).toMatchObject({ strategy: 'fair-share', forks: 'deny', retries: 0, baselineSuites: ['quick'], triggers: { labels: ['eval', 'bench'], paths: ['models/**'] } });
    expect(config.suites.quick).toEqual({
      name: 'quick', shards: 'auto', pool: null, pieceOverhead: 0, command: 'python eval.py {task}',
      model: 'org/tiny', format: 'simple', timeoutMinutes: 30, tasks: [{ name: 'a', cost: 5 }],
    });
  });

  it('takes organisation quotas only from the organisation section, never from the repository', () => {
    const repo = { quotas: { 'concurrent-shards': 3 }, 'organization-quotas': { 'concurrent-shards': 999 } };
    expect(readEvalConfig(repo).config.organizationQuotas).toEqual({ concurrentShards: null, runnerMinutesPerMonth: null });
    const org = { quotas: { 'concurrent-shards': 16, 'runner-minutes-per-month': 20000 } };
    const { config } = readEvalConfig(repo, org);
    expect(config.organizationQuotas).toEqual({ concurrentShards: 16, runnerMinutesPerMonth: 20000 });
    expect(config.quotas).toEqual({ concurrentShards: 3, runnerMinutesPerMonth: null });
  });

  it.each([
    ['a suite pinned to an unknown pool', { pools: [{ name: 'cpu', 'runs-on': 'x' }], suites: { s: { command: 'c', pool: 'a100', tasks: [{ name: 't', cost: 1 }] } } },
      /evaluation\.suites\.s\.pool is "a100".*use one of cpu, or remove pool:/],
    ['a task listed twice', { suites: { s: { command: 'c', tasks: [{ name: 't', cost: 1 }, { name: 't', cost: 2 }] } } },
      /task "t" is listed twice in evaluation\.suites\.s\.tasks; keep one entry/],
    ['a task without cost', { suites: { s: { command: 'c', tasks: [{ name: 'mmlu' }] } } },
      /task "mmlu" of evaluation\.suites\.s has no cost; add cost:/],
    ['a suite with no command', { suites: { s: { tasks: [{ name: 't', cost: 1 }] } } },
      /evaluation\.suites\.s has no command; add command:/],
    ['a pool named twice', { pools: [{ name: 'gpu', 'runs-on': 'a' }, { name: 'gpu', 'runs-on': 'b' }] },
      /pool "gpu" is defined twice in evaluation\.pools; give each pool its own name/],
    ['more than 256 shards', { suites: { s: { command: 'c', shards: 300, tasks: [{ name: 't', cost: 1 }] } } },
      /evaluation\.suites\.s\.shards is 300, but GitHub runs at most 256 jobs of one matrix; use 256 or fewer/],
    ['an unknown strategy', { strategy: 'random' }, /evaluation\.strategy is "random"; use one of round-robin, weighted, least-loaded, fair-share/],
    ['a baseline suite that does not exist', { 'baseline-suites': ['nightly'] }, /baseline-suites names "nightly", which evaluation\.suites does not define/],
  ])('reports %s and says how to fix it', (_what, section, message) => {
    const { problems } = readEvalConfig(section);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('still returns a usable config beside its problems (shards clamped to 256)', () => {
    const { config } = readEvalConfig({ suites: { s: { command: 'c', shards: 300, tasks: [{ name: 't', cost: 1 }] } } });
    expect(config.suites.s!.shards).toBe(256);
  });

  it('has no "default" baseline when only other suites exist', () => {
    expect(readEvalConfig({ suites: { quick: { command: 'c', tasks: [{ name: 't', cost: 1 }] } } }).config.baselineSuites).toEqual([]);
  });
});
