#!/usr/bin/env node
/**
 * `npm run bench`: the measurements of issue 2, written to bench/RESULTS.md.
 *   1. Style check of 10,000 commits: Steward vs commitlint, same verdicts, end-to-end time.
 *   2. GitHub requests per pull_request.opened, counted on nock mocks.
 *   3. Model cards per second (1,000 Hub cards): Steward vs remark-lint-frontmatter-schema vs yaml + ajv.
 * Needs `npm run build` first (npm run bench does it): Steward runs from lib/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCardsBench } from './cards/run-cards.js';
import { runCommitsBench } from './commits/run-commits.js';
import { renderResults } from './render-results.js';
import { runRequestsBench } from './requests/run-requests.js';

const BENCH = import.meta.dirname;
const log = (line) => process.stderr.write(`${line}\n`);

const started = Date.now();
log('1. 10,000 commits: steward check vs commitlint');
const commits = runCommitsBench({ workDir: join(BENCH, '.work'), reps: Number(process.env.BENCH_REPS ?? 5), log });
log('2. GitHub requests per pull_request.opened');
const requests = await runRequestsBench({ log });
log('3. 1,000 model cards: Steward vs remark-lint-frontmatter-schema vs yaml.parse + ajv');
const cards = await runCardsBench({ workDir: join(BENCH, '.work'), reps: Number(process.env.BENCH_REPS ?? 5), log });
const markdown = renderResults({ commits, requests, cards, seconds: (Date.now() - started) / 1000 });
writeFileSync(join(BENCH, 'RESULTS.md'), markdown);
process.stdout.write(markdown);

const failed = commits.differences.length > 0 || commits.ratio < 1.5 || requests.some((r) => r.count > r.goal || r.notes.length > 0)
  || cards.vsRemark < 10 || cards.vsFloor > 2;
if (failed) log('\nAt least one goal is not met: see the verdict column above.');
process.exitCode = failed ? 1 : 0;
