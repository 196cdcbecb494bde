/**
 * `steward eval run` (issue 4, item 9): plans a suite exactly as the App does (learned costs from
 * this repository's past runs), runs the shards on this machine with a bounded worker pool, and
 * aggregates and compares with the baseline as the App does. Runs, results and piece durations go
 * to the same store, so the next run plans with learned costs and compares with the last baseline.
 */
import { aggregateRun, type ShardOutcome } from '../engines/eval/aggregate-run.js';
import { compareRuns } from '../engines/eval/compare-runs.js';
import type { EvalConfig, PoolConfig, SuiteConfig } from '../engines/eval/eval-config.js';
import { planSuite } from '../engines/eval/plan-suite.js';
import type { ShardPlan } from '../engines/eval/plan-types.js';
import { readEvalConfig } from '../engines/eval/read-eval-config.js';
import type { RunResult } from '../engines/eval/result-types.js';
import { specifyShard } from '../engines/eval/specify-shard.js';
import { runBounded } from '../engines/run-bounded.js';
import type { LocalEvalOptions, LocalEvalOutcome } from './local-eval-types.js';
import { runShard } from './run-shard.js';

export type { LocalEvalEvent, LocalEvalOptions, LocalEvalOutcome, LocalEvalRun, LocalEvalStore } from './local-eval-types.js';

const ACTIVE = ['awaiting-approval', 'queued', 'running'] as const;

/** What keeps the suite from running, before anything is opened or started: the configuration's problems. */
export function checkLocalEvaluation(evaluation: unknown, suite?: string): string[] {
  const { config, problems } = readEvalConfig(evaluation);
  const picked = pickSuite(config, suite);
  return typeof picked === 'string' ? [picked] : problems;
}

export async function runEvaluationLocally(options: LocalEvalOptions): Promise<LocalEvalOutcome> {
  const { config } = readEvalConfig(options.evaluation);
  const problems = checkLocalEvaluation(options.evaluation, options.suite);
  if (problems.length) return { ok: false, problems };
  const picked = pickSuite(config, options.suite) as SuiteConfig;
  const suite: SuiteConfig = options.model ? { ...picked, model: options.model } : picked;
  const { owner, name: repo } = options.repo;
  const history = await options.store.listPieceDurations(owner, repo, suite.name);
  const plan = planSuite({ ...config, suites: { ...config.suites, [suite.name]: suite } }, suite.name, history);
  // Looked up before this run exists, so a baseline run never compares with itself.
  const baselineRun = await options.store.findBaseline(owner, repo, suite.name);
  const runId = await startRun(options, config, suite, plan);
  options.onEvent?.({ kind: 'planned', runId, suite: suite.name, plan, concurrency: options.concurrency, at: options.now() });
  const shards = await runShards(options, runId, plan, suite, poolFor(config, suite, options.concurrency));
  const result = aggregateRun(plan, shards);
  await recordDurations(options, suite.name, shards);
  const comparison = compareRuns(result, baselineRun?.result ?? null, config.regression, baselineRun?.id ?? null);
  const status = await finishRun(options, runId, result);
  return { ok: true, runId, suite: suite.name, plan, shards, result, comparison, baselineRun, isBaseline: options.baseline, status };
}

/** The suite asked for; without one, "default", or the only suite there is. */
function pickSuite(config: EvalConfig, wanted: string | undefined): SuiteConfig | string {
  const names = Object.keys(config.suites);
  const name = wanted ?? (names.includes('default') || names.length !== 1 ? 'default' : names[0]!);
  const suite = Object.hasOwn(config.suites, name) ? config.suites[name] : undefined;
  if (suite) return suite;
  const known = names.length ? `; the configuration has ${names.map((n) => `"${n}"`).join(', ')}` : '; evaluation.suites in .github/steward.yml defines none';
  return `no suite "${name}"${known}`;
}

/** The suite's pinned pool, else the first pool, else this machine: the spec names a pool either way. */
function poolFor(config: EvalConfig, suite: SuiteConfig, concurrency: number): PoolConfig {
  const pool = config.pools.find((p) => p.name === suite.pool) ?? config.pools[0];
  return pool ?? { name: 'local', runsOn: ['local'], capacity: concurrency, weight: 1 };
}

async function startRun(options: LocalEvalOptions, config: EvalConfig, suite: SuiteConfig, plan: ShardPlan): Promise<string> {
  const create = () => options.store.createRun({
    owner: options.repo.owner, repo: options.repo.name, installationId: 0, pr: null, headSha: options.sha,
    headBranch: options.branch, baseline: options.baseline, suite: suite.name, plan, config, trigger: 'cli',
    requestedBy: null, status: 'queued', createdAt: options.now(),
  });
  let made = await create();
  if (!made.created) {
    // An earlier local run of this commit was interrupted (Ctrl-C) and is still marked active: it never finishes now.
    await options.store.setRunStatus(made.run.id, [...ACTIVE], 'failed', options.now());
    made = await create();
  }
  await options.store.setRunStatus(made.run.id, ['queued'], 'running', options.now());
  return made.run.id;
}

async function runShards(options: LocalEvalOptions, runId: string, plan: ShardPlan, suite: SuiteConfig, pool: PoolConfig): Promise<ShardOutcome[]> {
  const total = plan.shards.length;
  return runBounded(plan.shards, options.concurrency, async (shard): Promise<ShardOutcome> => {
    options.onEvent?.({ kind: 'shard-started', shard, total, at: options.now() });
    const spec = specifyShard({ run: runId, shard, attempt: 1, pool, suite, sha: options.sha });
    let outcome: ShardOutcome;
    try {
      const result = await runShard(spec, options.executor, {
        cwd: options.cwd, now: options.now,
        onPiece: (piece) => options.onEvent?.({ kind: 'piece-finished', shard: shard.id, piece, at: options.now() }),
      });
      outcome = { shard: shard.id, result, reason: null };
    } catch (error) {
      outcome = { shard: shard.id, result: null, reason: `the shard could not run: ${(error as Error).message}` };
    }
    options.onEvent?.({ kind: 'shard-finished', shard: shard.id, total, result: outcome.result, reason: outcome.reason, at: options.now() });
    return outcome;
  });
}

/** Wall times of the pieces that finished: the next plan's learned costs. */
async function recordDurations(options: LocalEvalOptions, suite: string, shards: readonly ShardOutcome[]): Promise<void> {
  const at = options.now();
  const durations = shards.flatMap((s) => s.result?.pieces ?? []).filter((p) => p.status === 'ok').map((p) => ({
    owner: options.repo.owner, repo: options.repo.name, suite, task: p.task, samples: p.limit, seconds: p.seconds, at,
  }));
  if (durations.length) await options.store.recordPieceDurations(durations);
}

async function finishRun(options: LocalEvalOptions, runId: string, result: RunResult): Promise<'completed' | 'failed'> {
  await options.store.saveRunResult(runId, result, options.now());
  // A partial result is kept for people to read, but is not completed: it must never become the baseline.
  const status = result.partial ? 'failed' : 'completed';
  await options.store.setRunStatus(runId, ['running'], status, options.now());
  return status;
}
