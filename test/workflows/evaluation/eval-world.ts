/** Builds the evaluation use-cases' world for tests: a real store, the fake platform, a clock, and runner behaviour. */
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/types.js';
import { SHARD_RESULT_FILE, type PieceResult, type ShardResult, type ShardSpec } from '../../../src/engines/eval/shard-types.js';
import type { EvalDeps } from '../../../src/workflows/evaluation/eval-deps.js';
import { createFakeEvalPlatform, type FakeEvalPlatform, type FakeWorkflowRun } from './fake-eval-platform.js';

export const SHA = 'a'.repeat(40);
export const REPO = { owner: 'o', repo: 'r' };

export const CONFIG = `evaluation:
  strategy: least-loaded
  retries: 1
  quotas: { concurrent-shards: 2 }
  pools:
    - { name: gpu, runs-on: [self-hosted, gpu], capacity: 2 }
    - { name: cpu, runs-on: [ubuntu-latest], capacity: 4 }
  suites:
    default:
      shards: 3
      piece-overhead: 10
      command: "lm_eval --tasks {task} --model_args pretrained={model} --offset {offset} --limit {limit} --output_path {output}"
      tasks:
        - { name: hellaswag, cost: 1000 }
        - { name: arc, cost: 600 }
        - { name: mmlu, cost: 500 }
`;

export interface World {
  platform: FakeEvalPlatform;
  store: Store;
  deps: EvalDeps;
  logs: string[];
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function createWorld(config = CONFIG, options: { store?: Store; fromFork?: boolean } = {}): Promise<World> {
  const platform = createFakeEvalPlatform(config, { origin: { fromFork: options.fromFork ?? false } });
  const store = options.store ?? (await openStore({ url: ':memory:' }));
  let clock = new Date('2026-11-02T10:00:00Z');
  let ids = 0;
  // Ids differ between worlds that share a store (a restart), as random ids do in the App.
  const salt = Math.random().toString(36).slice(2, 6).replace(/[^a-z0-9]/g, 'x');
  const logs: string[] = [];
  const deps: EvalDeps = {
    platform, installationId: 1, platformFor: async () => platform, store, now: () => clock,
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(`WARN ${m}`), error: (m) => logs.push(`ERROR ${m}`) },
    newId: (prefix) => `${prefix}${salt}${String(++ids).padStart(6, '0')}`,
  };
  return { platform, store, deps, logs, advance: (ms) => (clock = new Date(clock.getTime() + ms)), close: () => store.close() };
}

/** Accuracy each task's model "has" in the fake runs. */
export const ACCURACY: Record<string, number> = { hellaswag: 0.6, arc: 0.5, mmlu: 0.4 };

/** The shard result a runner would upload for a spec: every piece ok with the task's accuracy. */
export function shardResultOf(spec: ShardSpec, accuracy = ACCURACY, failTask?: string): ShardResult {
  return {
    format: 'steward-shard/1', run: spec.run, shard: spec.shard, attempt: spec.attempt, pool: spec.pool, sha: spec.sha,
    startedAt: '2026-11-02T10:00:00.000Z', finishedAt: '2026-11-02T10:06:00.000Z',
    pieces: spec.pieces.map((piece): PieceResult => {
      const p = accuracy[piece.task] ?? 0.5;
      const failed = piece.task === failTask;
      return {
        task: piece.task, offset: piece.offset, limit: piece.limit, status: failed ? 'failed' : 'ok', seconds: piece.limit / 10,
        error: failed ? 'exit code 1' : null,
        metrics: failed ? {} : { 'acc,none': { value: p, stderr: Math.sqrt((p * (1 - p)) / (piece.limit - 1)), n: piece.limit, higherIsBetter: true } },
      };
    }),
  };
}

let artifactIds = 50_000;

/** Completes a fake workflow run: each shard uploads `resultOf(spec)` (null: no artifact). */
export function completeRun(run: FakeWorkflowRun, resultOf: (spec: ShardSpec) => unknown = (s) => shardResultOf(s)): void {
  run.status = 'completed';
  run.conclusion = 'success';
  run.minutes = 7;
  for (const spec of run.shards) {
    const result = resultOf(spec);
    if (result === null) continue;
    const bytes = new TextEncoder().encode(JSON.stringify(result));
    run.artifacts.push({ info: { id: artifactIds++, name: spec.artifact, bytes: bytes.length, expired: false }, files: [{ path: SHARD_RESULT_FILE, bytes }] });
  }
}

export const completedInfo = (run: FakeWorkflowRun) => ({ id: run.id, displayTitle: run.displayTitle, conclusion: run.conclusion, minutes: run.minutes, path: '.github/workflows/steward-eval.yml' });
