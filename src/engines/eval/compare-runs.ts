/**
 * This run against the baseline (the last completed run on the default branch), metric by metric:
 * a two-sided z-test where both sides have a standard error, the policy's threshold where they do
 * not. A change counts as a regression only when it is significant and in the worse direction.
 */
import type { RegressionPolicy } from './eval-config.js';
import { twoSidedP } from './normal-cdf.js';
import type { Comparison, ComparisonRow, RunResult, TaskMetric } from './result-types.js';

export function compareRuns(current: RunResult, baseline: RunResult | null, policy: RegressionPolicy, baselineRun: string | null): Comparison {
  const now = byKey(current.metrics);
  const before = byKey(baseline?.metrics ?? []);
  const keys = [...new Set([...now.keys(), ...before.keys()])];
  const rows = keys
    .map((key) => compareMetric(now.get(key) ?? null, before.get(key) ?? null, policy))
    .sort((a, b) => order(a.task, b.task) || order(a.metric, b.metric));
  return { rows, regressions: rows.filter((r) => r.verdict === 'regression').length, baselineRun: baseline ? baselineRun : null };
}

export function compareMetric(cur: TaskMetric | null, base: TaskMetric | null, policy: RegressionPolicy): ComparisonRow {
  const { task, metric } = (cur ?? base)!;
  const row = { task, metric, baseline: base?.value ?? null, current: cur?.value ?? null };
  if (!cur || !base) return { ...row, delta: null, p: null, test: 'none', verdict: cur ? 'new' : 'dropped' };
  const delta = cur.value - base.value;
  // Signed so that positive is better: lower-is-better metrics (perplexity) flip.
  const gain = (cur.higherIsBetter ?? base.higherIsBetter ?? true) ? delta : -delta;
  const se = cur.stderr !== null && base.stderr !== null ? Math.hypot(cur.stderr, base.stderr) : 0;
  if (se > 0) {
    const p = twoSidedP(delta / se);
    const verdict = p < policy.alpha ? (gain < 0 ? 'regression' : 'improvement') : 'unchanged';
    return { ...row, delta, p, test: 'z-test', verdict };
  }
  // No usable stderr (missing, or zero on both sides): only a change beyond the threshold counts.
  const verdict = gain < -policy.threshold ? 'regression' : gain > policy.threshold ? 'improvement' : 'unchanged';
  return { ...row, delta, p: null, test: 'threshold', verdict };
}

function byKey(metrics: readonly TaskMetric[]): Map<string, TaskMetric> {
  return new Map(metrics.map((m) => [JSON.stringify([m.task, m.metric]), m]));
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
