/** Runs, configs and results for the evaluation store tests: realistic values, every field set. */
import type { EvalConfig } from '../../src/engines/eval/eval-config.js';
import type { ShardPlan } from '../../src/engines/eval/plan-types.js';
import type { RunResult } from '../../src/engines/eval/result-types.js';
import type { ShardResult } from '../../src/engines/eval/shard-types.js';
import type { NewRun, QueueEntry } from '../../src/store/eval-types.js';

export const T0 = new Date('2025-03-01T12:00:00.000Z');
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
export const SHA = 'a'.repeat(40);

export const PLAN: ShardPlan = {
  shards: [
    { id: 0, pool: null, cost: 120, pieces: [{ task: 'arc_easy', offset: 0, limit: 100, cost: 120 }] },
    { id: 1, pool: 'gpu', cost: 110.5, pieces: [{ task: 'hellaswag', offset: 0, limit: 50, cost: 60.5 }, { task: 'hellaswag', offset: 50, limit: 40, cost: 50 }] },
  ],
  makespan: 120,
  lowerBound: 115.25,
};

export const CONFIG: EvalConfig = {
  workflow: 'steward-eval.yml',
  strategy: 'least-loaded',
  pools: [{ name: 'gpu', runsOn: ['self-hosted', 'gpu'], capacity: 2, weight: 1 }, { name: 'cpu', runsOn: ['ubuntu-latest'], capacity: 4, weight: 2 }],
  quotas: { concurrentShards: 3, runnerMinutesPerMonth: 6000 },
  organizationQuotas: { concurrentShards: null, runnerMinutesPerMonth: null },
  regression: { alpha: 0.05, threshold: 0.01 },
  forks: 'require-approval',
  retries: 2,
  triggers: { labels: ['run-eval'], paths: ['models/**'] },
  baselineSuites: ['default'],
  suites: {
    default: {
      name: 'default', shards: 'auto', pool: null, pieceOverhead: 5, command: 'lm_eval --tasks {task} --output_path {output}',
      model: '.', format: 'lm-eval', timeoutMinutes: 360, tasks: [{ name: 'arc_easy', cost: 100 }, { name: 'hellaswag', cost: 90 }],
    },
  },
};

export const RESULT: RunResult = {
  metrics: [{ task: 'arc_easy', metric: 'acc,none', value: 0.7512, stderr: 0.0123, n: 100, higherIsBetter: true }],
  partial: true,
  missing: [{ shard: 1, task: 'hellaswag', offset: 0, limit: 90, reason: 'failed: exit 1 — «CUDA out of memory»' }],
  coverage: { arc_easy: { done: 100, planned: 100 }, hellaswag: { done: 0, planned: 90 } },
};

export function shardResult(shard: number, attempt: number, acc = 0.75): ShardResult {
  return {
    format: 'steward-shard/1', run: 'r000000000000', shard, attempt, pool: 'gpu', sha: SHA,
    startedAt: T0.toISOString(), finishedAt: at(600).toISOString(),
    pieces: [{ task: 'arc_easy', offset: 0, limit: 100, status: 'ok', seconds: 512.5, error: null,
      metrics: { 'acc,none': { value: acc, stderr: 0.01, n: 100, higherIsBetter: true } } }],
  };
}

export function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    owner: 'Octo-Org', repo: 'Models', installationId: 4_294_967_301, pr: 42, headSha: SHA, headBranch: 'feature/ünïcode',
    baseline: false, suite: 'default', plan: PLAN, config: CONFIG, trigger: 'comment', requestedBy: 'ada', status: 'queued', createdAt: T0,
    ...overrides,
  };
}

export function entry(run: string, shard: number, attempt = 1, overrides: Partial<QueueEntry> = {}): Omit<QueueEntry, 'key'> {
  return {
    run, shard, attempt, owner: 'Octo-Org', repo: 'Models', installationId: 4_294_967_301, cost: 120, pool: null,
    avoid: [], allowed: ['gpu', 'cpu'], enqueuedAt: at(shard + attempt), ...overrides,
  };
}
