/** aggregateRun on hand-computed numbers: what the PR's table shows must be what lm-eval would say unsharded. */
import { describe, expect, it } from '@jest/globals';
import { aggregateRun } from '../../../src/engines/eval/aggregate-run.js';
import { pooledStderr, weightedMean } from '../../../src/engines/eval/pool-stderr.js';
import { failedPiece, metric, okPiece, planOf, shardResult } from './aggregate-fixtures.js';

const plan = planOf([
  [['arc_easy', 0, 100], ['hellaswag', 0, 50]],
  [['arc_easy', 100, 200]],
  [['hellaswag', 50, 50]],
]);

describe('aggregateRun', () => {
  it('merges size-weighted means and lm-eval pooled stderr per task and metric', () => {
    const run = aggregateRun(plan, [
      { shard: 0, reason: null, result: shardResult(0, [okPiece('arc_easy', 0, 100, { 'acc,none': metric(0.8, 0.04, 100) }), okPiece('hellaswag', 0, 50, { 'acc,none': metric(0.5, 0.0714, 50) })]) },
      { shard: 1, reason: null, result: shardResult(1, [okPiece('arc_easy', 100, 200, { 'acc,none': metric(0.7, 0.0324, 200) })]) },
      { shard: 2, reason: null, result: shardResult(2, [okPiece('hellaswag', 50, 50, { 'acc,none': metric(0.6, 0.07, 50) })]) },
    ]);
    const arc = run.metrics.find((m) => m.task === 'arc_easy')!;
    expect(arc.value).toBeCloseTo(0.7333333333, 9);
    expect(arc.stderr).toBeCloseTo(0.0253874778, 9);
    expect(arc.n).toBe(300);
    expect(run.partial).toBe(false);
    expect(run.missing).toEqual([]);
    expect(run.coverage).toEqual({ arc_easy: { done: 300, planned: 300 }, hellaswag: { done: 100, planned: 100 } });
  });

  it('pools three pieces as lm-eval does and keeps a lone piece\'s own stderr', () => {
    const parts = [metric(0.6, 0.09, 30), metric(0.5, 0.07, 50), metric(0.4, 0.15, 10)];
    expect(weightedMean(parts)).toBeCloseTo(0.5222222222, 9);
    expect(pooledStderr(parts)).toBeCloseTo(0.0518828132, 9);
    expect(pooledStderr([metric(0.6, 0.09, 30)])).toBe(0.09);
    expect(pooledStderr([metric(0.6, 0.09, 30), metric(0.6, null, 30)])).toBeNull();
    expect(pooledStderr([metric(1, 0, 1), metric(0, 0, 1)])).toBeNull(); // sum n = k: too few samples
  });

  it('lists every planned piece without an ok result, with the reason people can act on', () => {
    const run = aggregateRun(plan, [
      { shard: 0, reason: null, result: shardResult(0, [okPiece('arc_easy', 0, 100, { 'acc,none': metric(0.8, 0.04, 100) }), failedPiece('hellaswag', 0, 50, 'failed', 'exit 1')]) },
      { shard: 1, reason: null, result: shardResult(1, [failedPiece('arc_easy', 100, 200, 'timed-out', 'timed out after 360 min')]) },
      { shard: 2, reason: 'invalid results: /pieces/0/status: must be one of …', result: null },
    ]);
    expect(run.partial).toBe(true);
    expect(run.missing).toEqual([
      { shard: 0, task: 'hellaswag', offset: 0, limit: 50, reason: 'failed: exit 1' },
      { shard: 1, task: 'arc_easy', offset: 100, limit: 200, reason: 'timed out after 360 min' },
      { shard: 2, task: 'hellaswag', offset: 50, limit: 50, reason: 'invalid results: /pieces/0/status: must be one of …' },
    ]);
    expect(run.coverage).toEqual({ arc_easy: { done: 100, planned: 300 }, hellaswag: { done: 0, planned: 100 } });
    expect(run.metrics).toEqual([{ task: 'arc_easy', metric: 'acc,none', value: 0.8, stderr: 0.04, n: 100, higherIsBetter: true }]);
  });

  it('ignores pieces the plan did not ask for and says when a shard has no artifact at all', () => {
    const run = aggregateRun(plan, [
      { shard: 0, reason: null, result: shardResult(0, [
        okPiece('arc_easy', 0, 100, { 'acc,none': metric(0.8, 0.04, 100) }),
        okPiece('hellaswag', 0, 50, { 'acc,none': metric(0.5, 0.07, 50) }),
        okPiece('arc_easy', 100, 200, { 'acc,none': metric(0, 0, 200) }), // planned for shard 1, not 0
        okPiece('mmlu', 0, 10, { 'acc,none': metric(1, 0, 10) }),
      ]) },
      { shard: 2, reason: null, result: shardResult(2, [okPiece('hellaswag', 50, 25, { 'acc,none': metric(1, 0, 25) })]) },
    ]);
    expect(run.metrics.map((m) => [m.task, m.value])).toEqual([['arc_easy', 0.8], ['hellaswag', 0.5]]);
    expect(run.missing.map((m) => [m.shard, m.reason])).toEqual([[1, 'no artifact'], [2, 'not in the shard\'s results']]);
  });

  it('takes a retry\'s ok piece over the first attempt\'s failure', () => {
    const run = aggregateRun(planOf([[['t', 0, 10]]]), [
      { shard: 0, reason: null, result: shardResult(0, [failedPiece('t', 0, 10, 'failed', 'exit 137')]) },
      { shard: 0, reason: null, result: shardResult(0, [okPiece('t', 0, 10, { 'acc,none': metric(0.3, 0.1, 10) })], 2) },
    ]);
    expect(run.partial).toBe(false);
    expect(run.metrics[0]!.value).toBe(0.3);
  });

  it('merges a metric only some pieces report over those pieces, in (task, metric) order', () => {
    const run = aggregateRun(planOf([[['b', 0, 40], ['a', 0, 10]], [['b', 40, 60]]]), [
      { shard: 0, reason: null, result: shardResult(0, [
        okPiece('b', 0, 40, { 'acc,none': metric(0.5, 0.08, 40), 'f1,none': metric(0.25, null, 40) }),
        okPiece('a', 0, 10, { 'perplexity,none': metric(12.5, null, 10, false), 'acc,none': metric(0.9, null, 0) }),
      ]) },
      { shard: 1, reason: null, result: shardResult(1, [okPiece('b', 40, 60, { 'acc,none': metric(0.75, 0.05, 60) })]) },
    ]);
    expect(run.metrics.map((m) => [m.task, m.metric, m.n])).toEqual([
      ['a', 'acc,none', 0], ['a', 'perplexity,none', 10], ['b', 'acc,none', 100], ['b', 'f1,none', 40],
    ]);
    expect(run.metrics[1]!.higherIsBetter).toBe(false);
    expect(run.metrics[2]!.value).toBeCloseTo(0.65, 12);
    expect(run.metrics[3]).toEqual({ task: 'b', metric: 'f1,none', value: 0.25, stderr: null, n: 40, higherIsBetter: true });
    expect(Object.keys(run.coverage)).toEqual(['a', 'b']);
  });
});
