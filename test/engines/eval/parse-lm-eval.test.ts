/** parseLmEvalResults on real lm-evaluation-harness results files and on the format's traps. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseLmEvalResults } from '../../../src/engines/eval/parse-lm-eval.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/lm-eval/${name}`, import.meta.url), 'utf8');

describe('parseLmEvalResults on real files', () => {
  it('reads "acc,none" with an "N/A" stderr as null, n from n-samples and the direction', () => {
    const { metrics, problems } = parseLmEvalResults(fixture('cpu_regression_expected.json'));
    expect(problems).toEqual([]);
    expect(Object.keys(metrics).sort()).toEqual(['arc_easy', 'lambada_openai', 'wikitext']);
    expect(metrics.arc_easy).toEqual({
      'acc,none': { value: 0.3, stderr: null, n: 10, higherIsBetter: true },
      'acc_norm,none': { value: 0.1, stderr: null, n: 10, higherIsBetter: true },
    });
    expect(metrics.lambada_openai!['perplexity,none']).toEqual({ value: 605.5452047779999, stderr: null, n: 10, higherIsBetter: false });
    expect(Object.keys(metrics.wikitext!).sort()).toEqual(['bits_per_byte,none', 'byte_perplexity,none', 'word_perplexity,none']);
  });

  it('keeps a group listed twice once, with n from its sample_count, beside its subtasks', () => {
    const { metrics, problems } = parseLmEvalResults(fixture('cpu_group_regression_expected.json'));
    expect(problems).toEqual([]);
    expect(Object.keys(metrics).sort()).toEqual(['arc_challenge', 'arc_easy', 'regression_arc']);
    expect(metrics.regression_arc!['acc,none']).toEqual({ value: 0.15, stderr: null, n: 20, higherIsBetter: true });
    expect(metrics.arc_challenge!['acc,none']).toEqual({ value: 0, stderr: null, n: 10, higherIsBetter: true });
  });

  it('reads the v0 format with bare keys, its stderr, and no sample count or direction', () => {
    const { metrics, problems } = parseLmEvalResults(fixture('arc_easy-v0-res.json'));
    expect(problems).toEqual([]);
    expect(metrics.arc_easy).toEqual({
      acc: { value: 0.2474747474747475, stderr: 0.008855114414834707, n: 0, higherIsBetter: null },
      acc_norm: { value: 0.24074074074074073, stderr: 0.008772796145221907, n: 0, higherIsBetter: null },
    });
  });
});

describe('parseLmEvalResults traps', () => {
  it('ignores metadata such as a string total_evaluation_time_seconds, and uses sample_len without n-samples', () => {
    const text = JSON.stringify({
      results: { belief: { name: 'belief', alias: 'belief', sample_len: 20, 'acc,none': 0.45, 'acc_stderr,none': 0.11413288653790232 } },
      total_evaluation_time_seconds: '184.64356022595894',
      config: { limit: 20.0 },
    });
    expect(parseLmEvalResults(text)).toEqual({ metrics: { belief: { 'acc,none': { value: 0.45, stderr: 0.11413288653790232, n: 20, higherIsBetter: null } } }, problems: [] });
  });

  it('skips a metric that is not a number and says which', () => {
    const text = JSON.stringify({ results: { t: { 'acc,none': 'N/A', 'f1,none': 0.5, 'em,none': null } } });
    const { metrics, problems } = parseLmEvalResults(text);
    expect(metrics.t).toEqual({ 'f1,none': { value: 0.5, stderr: null, n: 0, higherIsBetter: null } });
    expect(problems).toEqual([expect.stringContaining('results.t["acc,none"] is "N/A"'), expect.stringContaining('results.t["em,none"] is null')]);
  });

  it('keeps a group found only under "groups"', () => {
    const text = JSON.stringify({ results: {}, groups: { mmlu: { 'acc,none': 0.6, sample_count: { 'acc,none': 100 } } } });
    expect(parseLmEvalResults(text).metrics.mmlu!['acc,none']).toMatchObject({ value: 0.6, n: 100 });
  });

  it('explains a file that is not JSON or has no results', () => {
    expect(parseLmEvalResults('{"results": ').problems[0]).toMatch(/not JSON.*results_\*\.json/);
    expect(parseLmEvalResults('{"metrics": {}}')).toEqual({ metrics: {}, problems: [expect.stringMatching(/no "results" object/)] });
    expect(parseLmEvalResults('[1]').metrics).toEqual({});
  });

  it('never takes a negative or text stderr', () => {
    const text = JSON.stringify({ results: { t: { 'acc,none': 0.5, 'acc_stderr,none': -1 }, u: { 'acc,none': 0.5, 'acc_stderr,none': '0.1' } } });
    const { metrics } = parseLmEvalResults(text);
    expect(metrics.t!['acc,none']!.stderr).toBeNull();
    expect(metrics.u!['acc,none']!.stderr).toBeNull();
  });
});
