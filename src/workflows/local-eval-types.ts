/** The shapes of `runEvaluationLocally` (run-evaluation-locally.ts): what goes in, what it reports, what comes out. */
import type { ShardOutcome } from '../engines/eval/aggregate-run.js';
import type { PlanShard, ShardPlan } from '../engines/eval/plan-types.js';
import type { Comparison, RunResult } from '../engines/eval/result-types.js';
import type { PieceResult, ShardResult } from '../engines/eval/shard-types.js';
import type { ShardExecutor } from '../platform/port.js';
import type { EvalStore, RunRecord } from '../store/eval-types.js';

/** The part of the store a local run uses: the same runs, baselines and learned durations as the App. */
export type LocalEvalStore = Pick<EvalStore, 'createRun' | 'setRunStatus' | 'saveRunResult' | 'findBaseline' | 'recordPieceDurations' | 'listPieceDurations'>;

export type LocalEvalEvent =
  | { kind: 'planned'; runId: string; suite: string; plan: ShardPlan & { learned: boolean }; concurrency: number; at: Date }
  | { kind: 'shard-started'; shard: PlanShard; total: number; at: Date }
  | { kind: 'piece-finished'; shard: number; piece: PieceResult; at: Date }
  | { kind: 'shard-finished'; shard: number; total: number; result: ShardResult | null; reason: string | null; at: Date };

export interface LocalEvalOptions {
  /** The `evaluation` section of the resolved configuration (the transport loads and validates the file). */
  evaluation: unknown;
  /** The suite to run (default: "default", or the only suite). */
  suite?: string;
  /** What {model} becomes instead of the suite's `model`. */
  model?: string;
  /** Runs are stored under owner "local" and the folder's name. */
  repo: { owner: string; name: string };
  /** Where the commands run: the repository's work tree. */
  cwd: string;
  sha: string;
  branch: string | null;
  /** Whether this run becomes the baseline later runs compare with. */
  baseline: boolean;
  /** Most shards running at once on this machine. */
  concurrency: number;
  store: LocalEvalStore;
  executor: ShardExecutor;
  now: () => Date;
  onEvent?: (event: LocalEvalEvent) => void;
}

export interface LocalEvalRun {
  ok: true;
  runId: string;
  suite: string;
  plan: ShardPlan & { learned: boolean };
  shards: ShardOutcome[];
  result: RunResult;
  comparison: Comparison;
  /** The run compared with, or null when there was none. */
  baselineRun: RunRecord | null;
  /** Whether this run was stored as a baseline (completed baseline runs are what later runs compare with). */
  isBaseline: boolean;
  /** completed, or failed when some piece has no result (a partial run never becomes a baseline). */
  status: 'completed' | 'failed';
}

export type LocalEvalOutcome = LocalEvalRun | { ok: false; problems: string[] };
