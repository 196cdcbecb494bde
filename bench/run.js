#!/usr/bin/env node
/**
 * `npm run bench`: the measurements of issue 2, written to bench/RESULTS.md.
 *   1. Style check of 10,000 commits: Steward vs commitlint, same verdicts, end-to-end time.
 *   2. GitHub requests per pull_request.opened, counted on nock mocks.
 *   3. Model cards per second (1,000 Hub cards): Steward vs remark-lint-frontmatter-schema vs yaml + ajv.
 *   4. Evaluation (issue 4): planner makespan / lower bound vs OpenCompass's partitioners and a contiguous
 *      split; aggregation of 256 shard results, time and peak memory.
 *   5. Reconcile (issue 5): 1,000 fork remotes' metadata read and classified vs one bare `git cat-file --batch`.
 *   6. Reconcile requests (issue 5): GitHub requests to reconcile 1,000 forks vs the per-fork REST approach.
 *   7. Load (issue 6): signed webhooks at rising rates, `steward serve` vs a bare Probot app; a 10,000-event soak.
 * Needs `npm run build` first (npm run bench does it): Steward runs from lib/.
 * `node bench/run.js eval` (or commits, requests, cards, reconcile, reconcile-requests, load) runs only those sections and prints them;
 * only a full run writes RESULTS.md, so a partial run never drops the other sections.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCardsBench } from './cards/run-cards.js';
import { runCommitsBench } from './commits/run-commits.js';
import { runEvalAggregateBench } from './eval-aggregate/run-eval-aggregate.js';
import { renderEvalRows, renderEvalSections } from './eval-plan/render-eval.js';
import { runEvalPlanBench } from './eval-plan/run-eval-plan.js';
import { renderResults } from './render-results.js';
import { runRequestsBench } from './requests/run-requests.js';
import { renderReconcileRows } from './reconcile/render-reconcile.js';
import { runReconcileBench } from './reconcile/run-reconcile.js';
import { renderReconcileRequestRows } from './reconcile-requests/render-reconcile-requests.js';
import { meetsGoals as reconcileRequestsMeetGoals, runReconcileRequestsBench } from './reconcile-requests/run-reconcile-requests.js';
import { loadFailed, renderLoadNotes, renderLoadRows } from './load/render-load.js';
import { runLoadBench } from './load/run-load.js';

const BENCH = import.meta.dirname;
const log = (line) => process.stderr.write(`${line}\n`);

const only = process.argv.slice(2);
const wants = (section) => only.length === 0 || only.includes(section);

const started = Date.now();
let commits = null;
let requests = null;
let cards = null;
if (wants('commits')) {
  log('1. 10,000 commits: steward check vs commitlint');
  commits = runCommitsBench({ workDir: join(BENCH, '.work'), reps: Number(process.env.BENCH_REPS ?? 5), log });
}
if (wants('requests')) {
  log('2. GitHub requests per pull_request.opened');
  requests = await runRequestsBench({ log });
}
if (wants('cards')) {
  log('3. 1,000 model cards: Steward vs remark-lint-frontmatter-schema vs yaml.parse + ajv');
  cards = await runCardsBench({ workDir: join(BENCH, '.work'), reps: Number(process.env.BENCH_REPS ?? 5), log });
}
let evalPlan = null;
let evalAggregate = null;
if (wants('eval')) {
  log('4. Evaluation planner: makespan / lower bound, Steward vs OpenCompass partitioners vs contiguous');
  evalPlan = await runEvalPlanBench({ log });
  log('5. Aggregation of 256 shard results: Steward vs JSON.parse + a summing loop');
  evalAggregate = await runEvalAggregateBench({ workDir: join(BENCH, '.work'), reps: Number(process.env.BENCH_EVAL_REPS ?? 100), log });
}
let reconcile = null;
if (wants('reconcile')) {
  log('6. Reconcile: 1,000 fork remotes read and classified vs a bare git cat-file --batch of the same blobs');
  reconcile = await runReconcileBench({ workDir: join(BENCH, '.work'), reps: Number(process.env.BENCH_REPS ?? 7), log });
}
let reconcileRequests = null;
if (wants('reconcile-requests')) {
  log('7. GitHub requests to reconcile 1,000 forks: Steward vs the per-fork REST approach, and a second run with nothing changed');
  reconcileRequests = await runReconcileRequestsBench({ log });
}
let load = null;
if (wants('load')) {
  log('8. Load: pull_request.opened at 50-800/s, steward serve vs a bare Probot app, then a 10,000-event soak');
  load = await runLoadBench({ log });
}
if (only.length === 0) {
  const markdown = renderResults({ commits, requests, cards, evalPlan, evalAggregate, reconcile, reconcileRequests, load, seconds: (Date.now() - started) / 1000 });
  writeFileSync(join(BENCH, 'RESULTS.md'), markdown);
  process.stdout.write(markdown);
} else if (evalPlan || evalAggregate) {
  const rows = renderEvalRows(evalPlan, evalAggregate).map((r) => `| ${r.join(' | ')} |`);
  process.stdout.write([...rows, ...renderEvalSections(evalPlan, evalAggregate), ''].join('\n'));
}
if (only.length > 0 && reconcile) process.stdout.write(`${renderReconcileRows(reconcile).map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
if (only.length > 0 && reconcileRequests) process.stdout.write(`${renderReconcileRequestRows(reconcileRequests).map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
if (only.length > 0 && load) process.stdout.write(`${renderLoadRows(load).map((r) => `| ${r.join(' | ')} |`).join('\n')}\n${renderLoadNotes(load).join('\n')}\n`);

const failed = (commits && (commits.differences.length > 0 || commits.ratio < 1.5))
  || (requests && requests.some((r) => r.count > r.goal || r.notes.length > 0))
  || (cards && (cards.vsRemark < 10 || cards.vsFloor > 2))
  || (evalPlan && evalPlan.misses.length > 0) || (evalAggregate && evalAggregate.problems.length > 0)
  || (reconcile && (reconcile.problems.length > 0 || reconcile.ratio > reconcile.goal))
  || (reconcileRequests && !reconcileRequestsMeetGoals(reconcileRequests))
  || (load && loadFailed(load));
if (failed) log('\nAt least one goal is not met: see the verdict column above.');
process.exitCode = failed ? 1 : 0;
