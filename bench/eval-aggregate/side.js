#!/usr/bin/env node
/**
 * One side of the aggregation bench, in its own process so its peak memory is its own:
 *   node bench/eval-aggregate/side.js <steward|floor> <run.json> <reps>
 * run.json holds { plan, texts } (make-results.js). Each timed run takes the 256 artifact texts to a
 * result. Steward: JSON.parse, validateShardResult and aggregateRun, as the App does. Floor: JSON.parse
 * and one loop summing value × n and n per (task, metric). Prints JSON { times (ms per run), metrics,
 * partial, maxRssKb } on stdout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [side, runFile, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 20);
const { plan, texts } = JSON.parse(readFileSync(runFile, 'utf8'));

const aggregate = await makeAggregator(side);
const times = [];
let last = null;
for (let rep = 0; rep < reps; rep++) {
  const started = performance.now();
  last = aggregate(texts);
  times.push(performance.now() - started);
}
process.stdout.write(JSON.stringify({ side, times, ...last, maxRssKb: process.resourceUsage().maxRSS }));

async function makeAggregator(name) {
  if (name === 'floor') return aggregateFloor;
  const { validateShardResult } = await import('../../lib/engines/eval/validate-shard-result.js');
  const { aggregateRun } = await import('../../lib/engines/eval/aggregate-run.js');
  return (all) => {
    const outcomes = all.map((text, shard) => {
      const checked = validateShardResult(JSON.parse(text));
      return checked.ok ? { shard, result: checked.result, reason: null } : { shard, result: null, reason: `invalid results: ${checked.problems[0]}` };
    });
    const result = aggregateRun(plan, outcomes);
    return { metrics: result.metrics.length, partial: result.partial, missing: result.missing.length };
  };
}

/** The least work that gives a number per (task, metric): parse, then a size-weighted sum. */
function aggregateFloor(all) {
  const sums = new Map();
  for (const text of all) {
    for (const piece of JSON.parse(text).pieces) {
      for (const [metric, { value, n }] of Object.entries(piece.metrics)) {
        const key = `${piece.task}\u0000${metric}`;
        const entry = sums.get(key) ?? sums.set(key, { weighted: 0, n: 0 }).get(key);
        entry.weighted += value * n;
        entry.n += n;
      }
    }
  }
  let metrics = 0;
  for (const entry of sums.values()) if (Number.isFinite(entry.weighted / entry.n)) metrics++;
  return { metrics, partial: false, missing: 0 };
}
