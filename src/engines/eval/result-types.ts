/** A run's aggregated result and its comparison with the baseline (aggregate-run.ts, compare-runs.ts). */

/** One metric of one task over all its pieces. */
export interface TaskMetric {
  task: string;
  metric: string;
  value: number;
  /** Pooled standard error (lm-eval's pooled_sample_stderr); null if any piece had none. */
  stderr: number | null;
  n: number;
  higherIsBetter: boolean | null;
}

export interface MissingPiece {
  shard: number;
  task: string;
  offset: number;
  limit: number;
  /** Why: "failed: exit 1", "timed out after 360 min", "no artifact", "invalid results: …". */
  reason: string;
}

export interface RunResult {
  metrics: TaskMetric[];
  /** True when some planned piece has no result: the numbers cover only part of the samples. */
  partial: boolean;
  missing: MissingPiece[];
  /** Samples with results / samples planned, per task. */
  coverage: Record<string, { done: number; planned: number }>;
}

export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'new' | 'dropped';

export interface ComparisonRow {
  task: string;
  metric: string;
  baseline: number | null;
  current: number | null;
  /** current − baseline; null when either is missing. */
  delta: number | null;
  /** Two-sided p-value of the z-test; null when a stderr is missing (the threshold decided). */
  p: number | null;
  /** Decided by: the z-test, or the threshold. */
  test: 'z-test' | 'threshold' | 'none';
  verdict: Verdict;
}

export interface Comparison {
  rows: ComparisonRow[];
  regressions: number;
  /** Null when there is no baseline run to compare with. */
  baselineRun: string | null;
}
