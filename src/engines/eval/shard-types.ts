/**
 * What travels between Steward and a runner: the shard spec dispatched to the evaluation workflow
 * (one matrix entry), and the shard result the `eval-shard` Action uploads as an artifact
 * (`schemas/eval-shard-result.schema.json`). Both are plain JSON.
 */

/** One contiguous sample range of one task, as a runner runs it. */
export interface ShardPiece {
  task: string;
  offset: number;
  limit: number;
  /** Whether [offset, offset + limit) is the whole task: the command then runs without --offset/--limit limits. */
  whole: boolean;
}

/** One matrix entry of a dispatch: everything a runner needs, nothing from the pull request's text. */
export interface ShardSpec {
  /** Steward's run id, e.g. "r1a2b3c4d5e6". Only [a-z0-9-]. */
  run: string;
  /** Shard index within the run. */
  shard: number;
  /** 1 for the first dispatch, 2… for retries. */
  attempt: number;
  suite: string;
  pool: string;
  /** The pool's runs-on labels; the workflow template's job reads them from the matrix entry. */
  runsOn: string[];
  /** The commit to evaluate. */
  sha: string;
  /** The suite's command template, from the default branch's config (never from the pull request). */
  command: string;
  /** What {model} becomes. */
  model: string;
  /** The results format the command writes. */
  format: 'lm-eval' | 'simple';
  timeoutMinutes: number;
  pieces: ShardPiece[];
  /** Artifact name the runner uploads: `steward-<run>-<shard>-<attempt>`. */
  artifact: string;
}

export type PieceStatus = 'ok' | 'failed' | 'timed-out' | 'invalid';

/** One metric of one task, normalised from lm-eval ("acc,none" and "acc_stderr,none") or simple results. */
export interface MetricValue {
  value: number;
  /** Standard error; null where the source has none or wrote "N/A". */
  stderr: number | null;
  /** Samples the value is over (lm-eval: n-samples.effective or sample_count; simple: samples). */
  n: number;
  /** From lm-eval's higher_is_better; null when unknown (treated as higher is better). */
  higherIsBetter: boolean | null;
}

export interface PieceResult {
  task: string;
  offset: number;
  limit: number;
  status: PieceStatus;
  /** Wall time of the piece's command, seconds (learned costs come from it). */
  seconds: number;
  /** What went wrong, for people (command exit, time limit, unreadable results). Null when ok. */
  error: string | null;
  /** Metric name ("acc,none") → value. Empty unless status is ok. */
  metrics: Record<string, MetricValue>;
}

/** The artifact file `steward-shard.json` that one attempt of one shard uploads. */
export interface ShardResult {
  format: 'steward-shard/1';
  run: string;
  shard: number;
  attempt: number;
  pool: string;
  sha: string;
  startedAt: string;
  finishedAt: string;
  pieces: PieceResult[];
}

export const SHARD_RESULT_FILE = 'steward-shard.json';
export const artifactName = (run: string, shard: number, attempt: number): string => `steward-${run}-${shard}-${attempt}`;
