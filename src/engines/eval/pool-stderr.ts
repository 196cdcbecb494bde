/**
 * Merging one metric over the pieces of a task exactly as lm-eval merges the tasks of a group
 * (lm_eval/api/metrics.py): a size-weighted mean and `pooled_sample_stderr`, so a sharded run reads
 * the same as an unsharded one.
 */
import type { MetricValue } from './shard-types.js';

export interface MergedMetric {
  value: number;
  stderr: number | null;
  n: number;
  higherIsBetter: boolean | null;
}

/** sum(m_i n_i) / sum(n_i); a plain mean when no piece counted a sample (nothing to weigh by). */
export function weightedMean(parts: readonly MetricValue[]): number {
  const total = parts.reduce((sum, p) => sum + p.n, 0);
  if (total === 0) return parts.reduce((sum, p) => sum + p.value, 0) / parts.length;
  return parts.reduce((sum, p) => sum + p.value * p.n, 0) / total;
}

/**
 * sqrt( [sum((n_i − 1)·se_i²·n_i) / (sum n_i − k)] / sum n_i ): lm-eval's pooled_sample_stderr.
 * One piece keeps its own stderr; null when any piece has none (lm-eval writes "N/A" then) or when
 * there are too few samples for the formula (sum n_i ≤ k).
 */
export function pooledStderr(parts: readonly MetricValue[]): number | null {
  if (parts.some((p) => p.stderr === null)) return null;
  if (parts.length === 1) return parts[0]!.stderr;
  const total = parts.reduce((sum, p) => sum + p.n, 0);
  const degrees = total - parts.length;
  if (degrees <= 0) return null;
  const pooledVariance = parts.reduce((sum, p) => sum + (p.n - 1) * p.stderr! ** 2 * p.n, 0) / degrees;
  return Math.sqrt(Math.max(0, pooledVariance) / total);
}

export function mergeMetric(parts: readonly MetricValue[]): MergedMetric {
  return {
    value: weightedMean(parts),
    stderr: pooledStderr(parts),
    n: parts.reduce((sum, p) => sum + p.n, 0),
    higherIsBetter: parts.find((p) => p.higherIsBetter !== null)?.higherIsBetter ?? null,
  };
}
