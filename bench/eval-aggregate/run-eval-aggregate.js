/**
 * Aggregation of 256 shard results (issue 4, "How it is measured"): time per run and peak memory,
 * Steward (validateShardResult + aggregateRun from lib/) beside the floor (JSON.parse + a plain
 * summing loop). Each side runs in its own child process; both read the same run file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeRun, SHARDS } from './make-results.js';

const SIDES = ['steward', 'floor'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export async function runEvalAggregateBench({ workDir, reps = 20, log = () => {} }) {
  const dir = resolve(workDir, 'eval-aggregate');
  mkdirSync(dir, { recursive: true });
  const run = await makeRun();
  const runFile = join(dir, 'run.json');
  writeFileSync(runFile, JSON.stringify({ plan: run.plan, texts: run.texts }));
  const bytes = run.texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  log(`   ${SHARDS} artifacts, ${run.pieces} pieces, ${run.metricValues} metric values, ${Math.round(bytes / 1024)} KB of JSON`);
  const results = {};
  for (const side of SIDES) {
    const out = execFileSync(process.execPath, [join(import.meta.dirname, 'side.js'), side, runFile, String(reps)],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 });
    const result = JSON.parse(out);
    results[side] = { ...result, medianMs: median(result.times) };
    log(`   ${side}: median ${results[side].medianMs.toFixed(2)} ms per run of ${SHARDS}, ${result.metrics} task metrics, peak RSS ${Math.round(result.maxRssKb / 1024)} MB`);
  }
  const problems = [];
  if (results.steward.partial || results.steward.missing) problems.push(`Steward found ${results.steward.missing} missing pieces in a complete run`);
  if (results.steward.metrics !== run.taskMetrics) problems.push(`Steward gave ${results.steward.metrics} task metrics, ${run.taskMetrics} expected`);
  return { ...results, shards: SHARDS, pieces: run.pieces, tasks: run.tasks, metricValues: run.metricValues, taskMetrics: run.taskMetrics, bytes,
    ratio: results.steward.medianMs / results.floor.medianMs, rssRatio: results.steward.maxRssKb / results.floor.maxRssKb, problems };
}
