/**
 * runEvaluationLocally with a fake executor (commands that take time and write lm-eval results) and
 * the real store (SQLite in memory): the worker-pool bound, aggregation, baselines, learned costs.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ShardExecutor } from '../../src/platform/port.js';
import { openStore, type Store } from '../../src/store/index.js';
import { runEvaluationLocally, type LocalEvalEvent, type LocalEvalOptions, type LocalEvalRun } from '../../src/workflows/run-evaluation-locally.js';

/** Sample i of any task is answered correctly unless i is a multiple of 3. */
const correctIn = (offset: number, limit: number) => Array.from({ length: limit }, (_, i) => offset + i).filter((i) => i % 3 !== 0).length;

interface FakeRuns {
  executor: ShardExecutor;
  maxActive: () => number;
}

function fakeExecutor(fail: (task: string) => boolean = () => false): FakeRuns {
  const written = new Map<string, string>();
  let active = 0;
  let max = 0;
  let dirs = 0;
  const executor: ShardExecutor = {
    async makeOutputDir(label) {
      return `/out/${label}/${dirs++}`;
    },
    async runCommand(command) {
      const [, task, offset, limit, output] = /^eval '(.+?)' '(\d+)' '(\d+)' '([^']+)'/.exec(command)!;
      active++;
      max = Math.max(max, active);
      await new Promise((resolve) => setTimeout(resolve, 15));
      active--;
      const n = Number(limit);
      // Start-up plus time per sample, as real evaluations take: what learned costs are fitted to.
      const seconds = 0.5 + n * 0.01;
      if (fail(task!)) return { exitCode: 1, timedOut: false, outputTail: `no data for ${task}`, seconds };
      const acc = correctIn(Number(offset), n) / n;
      written.set(output!, JSON.stringify({
        results: { [task!]: { 'acc,none': acc, 'acc_stderr,none': n > 1 ? Math.sqrt((acc * (1 - acc)) / (n - 1)) : 'N/A' } },
        'n-samples': { [task!]: { original: 1000, effective: n } }, higher_is_better: { [task!]: { acc: true } },
      }));
      return { exitCode: 0, timedOut: false, outputTail: '', seconds };
    },
    async readOutputs(dir) {
      const text = written.get(dir);
      return text ? [{ path: `${dir}/model/results_2026-01-01T00-00-00.json`, text, bytes: text.length }] : [];
    },
    async removeOutputDir(dir) {
      written.delete(dir);
    },
  };
  return { executor, maxActive: () => max };
}

const EVALUATION = {
  pools: [{ name: 'cpu', 'runs-on': ['ubuntu-latest'], capacity: 8 }],
  suites: {
    default: {
      shards: 6, pool: 'cpu', 'piece-overhead': 5, command: 'eval {task} {offset} {limit} {output}',
      tasks: [{ name: 'a', cost: 300 }, { name: 'b', cost: 120 }, { name: 'c', cost: 60 }],
    },
  },
};

let store: Store;
beforeEach(async () => {
  store = await openStore({ url: ':memory:' });
});
afterEach(async () => {
  await store.close();
});

function options(over: Partial<LocalEvalOptions> = {}): LocalEvalOptions {
  return {
    evaluation: EVALUATION, repo: { owner: 'local', name: 'model-repo' }, cwd: '/repo', sha: 'a'.repeat(40), branch: 'main',
    baseline: true, concurrency: 2, store, executor: fakeExecutor().executor, now: () => new Date(), ...over,
  };
}

async function run(over: Partial<LocalEvalOptions> = {}): Promise<LocalEvalRun> {
  const outcome = await runEvaluationLocally(options(over));
  if (!outcome.ok) throw new Error(outcome.problems.join('; '));
  return outcome;
}

describe('runEvaluationLocally', () => {
  it.each([1, 2, 4])('never runs more than %i shards at once, and uses that many', async (concurrency) => {
    const fake = fakeExecutor();
    let running = 0;
    let most = 0;
    const onEvent = (event: LocalEvalEvent) => {
      if (event.kind === 'shard-started') most = Math.max(most, ++running);
      if (event.kind === 'shard-finished') running--;
    };
    const outcome = await run({ concurrency, executor: fake.executor, onEvent });
    expect(outcome.plan.shards).toHaveLength(6);
    expect(most).toBe(concurrency);
    expect(fake.maxActive()).toBe(concurrency);
  });

  it('aggregates every piece into each task\'s exact accuracy', async () => {
    const outcome = await run();
    for (const [task, n] of [['a', 300], ['b', 120], ['c', 60]] as const) {
      const metric = outcome.result.metrics.find((m) => m.task === task && m.metric === 'acc,none')!;
      expect(metric.n).toBe(n);
      expect(metric.value).toBeCloseTo(correctIn(0, n) / n, 12);
    }
    expect(outcome).toMatchObject({ status: 'completed', isBaseline: true, baselineRun: null, result: { partial: false } });
  });

  it('compares the next run with the stored baseline, planned with learned costs', async () => {
    const first = await run();
    const second = await run({ sha: 'b'.repeat(40), branch: 'feat/x', baseline: false });
    expect(second.plan.learned).toBe(true);
    expect(second.baselineRun?.id).toBe(first.runId);
    expect(second.comparison).toMatchObject({ baselineRun: first.runId, regressions: 0 });
    expect((await store.findBaseline('local', 'model-repo', 'default'))?.id).toBe(first.runId);
  });

  it('keeps a failing task out of the result, and a partial run out of the baselines', async () => {
    const outcome = await run({ executor: fakeExecutor((task) => task === 'b').executor });
    expect(outcome.status).toBe('failed');
    expect(outcome.result.partial).toBe(true);
    expect(new Set(outcome.result.missing.map((m) => m.task))).toEqual(new Set(['b']));
    expect(outcome.result.missing[0]!.reason).toContain('exited with code 1');
    expect(outcome.result.metrics.map((m) => m.task).sort()).toEqual(['a', 'c']);
    expect(await store.findBaseline('local', 'model-repo', 'default')).toBeNull();
  });

  it('reports a shard that cannot start, and still runs the others', async () => {
    const fake = fakeExecutor();
    let calls = 0;
    const executor: ShardExecutor = { ...fake.executor, makeOutputDir: (label) => (calls++ === 0 ? Promise.reject(new Error('disk full')) : fake.executor.makeOutputDir(label)) };
    const outcome = await run({ executor });
    expect(outcome.shards.filter((s) => s.result === null)).toEqual([expect.objectContaining({ reason: 'the shard could not run: disk full' })]);
    expect(outcome.result.partial).toBe(true);
    expect(outcome.result.metrics.length).toBeGreaterThan(0);
  });

  it('replaces a run of the same commit that an interrupted `eval run` left active', async () => {
    const first = await run();
    const { run: stale } = await store.createRun({
      owner: 'local', repo: 'model-repo', installationId: 0, pr: null, headSha: 'c'.repeat(40), headBranch: 'main', baseline: true,
      suite: 'default', plan: first.plan, config: (await store.getRun(first.runId))!.config, trigger: 'cli', requestedBy: null, status: 'queued', createdAt: new Date(),
    });
    const again = await run({ sha: 'c'.repeat(40) });
    expect(again.runId).not.toBe(stale.id);
    expect(again.status).toBe('completed');
    expect((await store.getRun(stale.id))?.status).toBe('failed');
  });

  it('returns the configuration\'s problems instead of running', async () => {
    const broken = { ...EVALUATION, suites: { default: { ...EVALUATION.suites.default, pool: 'a100' } } };
    const outcome = await runEvaluationLocally(options({ evaluation: broken }));
    expect(outcome).toEqual({ ok: false, problems: [expect.stringContaining('evaluation.suites.default.pool is "a100"')] });
    expect(await runEvaluationLocally(options({ suite: 'nightly' }))).toEqual({ ok: false, problems: ['no suite "nightly"; the configuration has "default"'] });
  });

  it('runs {model} as given instead of the suite\'s model', async () => {
    const fake = fakeExecutor();
    const models = new Set<string>();
    const executor: ShardExecutor = {
      ...fake.executor,
      runCommand: (command, o) => {
        models.add(/--model '(.+)'$/.exec(command)![1]!);
        return fake.executor.runCommand(command, o);
      },
    };
    const suite = { ...EVALUATION.suites.default, model: 'models/v1.json', command: 'eval {task} {offset} {limit} {output} --model {model}' };
    await run({ executor, model: 'models/v2.json', evaluation: { ...EVALUATION, suites: { default: suite } } });
    expect([...models]).toEqual(['models/v2.json']);
  });
});
