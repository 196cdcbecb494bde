/**
 * Reads an lm-evaluation-harness results file (`results_<timestamp>.json`) into Steward's metric
 * values. The format has traps the shard Action must survive: stderr written as "N/A", groups that
 * appear both under `results` and `groups`, bookkeeping keys (`alias`, `sample_len`, `sample_count`)
 * beside the metrics, and the old v0 files whose keys have no `,filter` suffix.
 */
import type { MetricValue } from './shard-types.js';

export interface ParsedResults {
  /** Task (or group) name → metric name ("acc,none", or "acc" in v0 files) → value. */
  metrics: Record<string, Record<string, MetricValue>>;
  /** What was skipped and why, for the person reading the job log. */
  problems: string[];
}

type Json = Record<string, unknown>;

/** Keys of a task's result object that describe it rather than measure it. */
const NOT_METRICS = new Set(['alias', 'name', 'sample_len', 'sample_count', 'samples']);

export function parseLmEvalResults(text: string): ParsedResults {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { metrics: {}, problems: [`The results file is not JSON (${(error as Error).message}); the command must write lm-eval's results_*.json.`] };
  }
  if (!isObject(data) || !isObject(data.results)) {
    return { metrics: {}, problems: ['The results file has no "results" object; is it an lm-evaluation-harness results_*.json file?'] };
  }
  // A group appears under both keys with the same numbers; `results` wins and `groups` fills gaps.
  const rows: [string, unknown][] = [...Object.entries(isObject(data.groups) ? data.groups : {}), ...Object.entries(data.results)];
  const metrics: Record<string, Record<string, MetricValue>> = {};
  for (const [task, row] of rows) {
    if (!isObject(row)) {
      problems.push(`results.${task} is not an object; skipped.`);
      continue;
    }
    metrics[task] = readTaskMetrics(task, row, data, problems);
  }
  return { metrics, problems };
}

function readTaskMetrics(task: string, row: Json, data: Json, problems: string[]): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  for (const [key, value] of Object.entries(row)) {
    if (NOT_METRICS.has(key) || isStderrKey(key)) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`results.${task}["${key}"] is ${JSON.stringify(value)}, not a number; skipped.`);
      continue;
    }
    out[key] = {
      value,
      stderr: readStderr(row[stderrKey(key)]),
      n: readSampleCount(task, key, row, data),
      higherIsBetter: readHigherIsBetter(task, key, data),
    };
  }
  return out;
}

/** "acc,none" → "acc_stderr,none"; v0 "acc" → "acc_stderr". */
function stderrKey(metric: string): string {
  const comma = metric.indexOf(',');
  return comma < 0 ? `${metric}_stderr` : `${metric.slice(0, comma)}_stderr${metric.slice(comma)}`;
}

function isStderrKey(key: string): boolean {
  const name = key.split(',')[0]!;
  return name.endsWith('_stderr');
}

/** lm-eval writes "N/A" when it cannot compute a standard error (bootstrap off, fewer than 2 items). */
function readStderr(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Samples behind the value: n-samples.effective for tasks, sample_count for groups, else sample_len. */
function readSampleCount(task: string, metric: string, row: Json, data: Json): number {
  const nSamples = isObject(data['n-samples']) ? data['n-samples'][task] : undefined;
  if (isObject(nSamples) && isCount(nSamples.effective)) return nSamples.effective;
  if (isObject(row.sample_count) && isCount(row.sample_count[metric])) return row.sample_count[metric];
  return isCount(row.sample_len) ? row.sample_len : 0;
}

/** higher_is_better is keyed by the bare metric name ("acc"), without the filter. */
function readHigherIsBetter(task: string, metric: string, data: Json): boolean | null {
  const table = isObject(data.higher_is_better) ? data.higher_is_better[task] : undefined;
  const value = isObject(table) ? table[metric.split(',')[0]!] : undefined;
  return typeof value === 'boolean' ? value : null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
