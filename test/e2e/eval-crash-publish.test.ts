/**
 * `steward serve` killed with SIGKILL after the last shard's results are saved and the run marked
 * completed, but before the `Steward / evaluation` check and the comment say so (GitHub answers the
 * check lookup slowly; the kill lands then). Restarted on the same database, with GitHub
 * redelivering that workflow_run.completed, the App must still show the result: a check left
 * `in_progress` forever is what a maintainer would see otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { startStandin, type Standin } from '../standin/index.js';
import { startApp, stopAllApps, type AppProcess } from './app-process.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import { createSqliteDatabase, type SharedDatabase } from './databases.js';
import {
  EVAL_MARKER, commentEvent, completeDispatchedRuns, dispatchedShards, evalCheck, seedEvaluationWorld, workflowRunCompleted,
} from './evaluation-world.js';
import { waitFor, waitForQuiet } from './wait.js';
import { loggedProblems } from './world.js';

const HEAD = 'a7'.repeat(20);
const CHECKS_OF_COMMIT = '/repos/{owner}/{repo}/commits/{ref}/check-runs';
// The killed process held the last completion's delivery; its lease (60 s) runs out before it is worked again.
const LEASE_MS = 60_000;

let bundle: ServeBundle;
let database: SharedDatabase;
let gh: Standin;
const apps: AppProcess[] = [];
let lastRun = 0;

beforeAll(async () => {
  bundle = await buildServeBundle();
  database = await createSqliteDatabase();
  gh = await startStandin({ appId: 123 });
  seedEvaluationWorld(gh, HEAD);
  const secret = randomBytes(16).toString('hex');
  const first = await startApp({ bundle, standin: gh, databaseUrl: database.url, secret });
  apps.push(first);
  expect(await first.sendWebhook('issue_comment', commentEvent('/steward eval'), { id: 'eval-comment-1' })).toBe(200);
  await waitFor(() => evalCheck(gh, HEAD).some((r) => r.status === 'in_progress'), 20_000, gh);
  // Two shards run (one per pool) and finish: the third is dispatched.
  const [firstRun] = completeDispatchedRuns(gh);
  expect(await first.sendWebhook('workflow_run', workflowRunCompleted(gh, firstRun!), { id: 'wr-1' })).toBe(200);
  await waitFor(() => gh.state.dispatches.length === 2, 20_000, gh);
  await waitForQuiet(gh, 1_000);

  // The third finishes; GitHub is slow to list the commit's checks, and the process dies meanwhile.
  lastRun = completeDispatchedRuns(gh)[0]!;
  const sentAt = Date.now();
  gh.fault({ method: 'GET', route: CHECKS_OF_COMMIT, times: 1, reply: { timeoutMs: 2_000 } });
  expect(await first.sendWebhook('workflow_run', workflowRunCompleted(gh, lastRun), { id: 'wr-2' })).toBe(200);
  await waitFor(() => gh.requests().some((r) => r.route === CHECKS_OF_COMMIT && r.time >= sentAt), 20_000, gh);
  expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
  const killedAt = Date.now();

  // Restart; GitHub redelivers the completion (same delivery id), which is worked once its lease runs out.
  const second = await startApp({ bundle, standin: gh, databaseUrl: database.url, secret });
  apps.push(second);
  expect(await second.sendWebhook('workflow_run', workflowRunCompleted(gh, lastRun), { id: 'wr-2' })).toBe(200);
  await waitFor(() => Date.now() - killedAt > LEASE_MS + 2_500, LEASE_MS + 5_000);
  await waitFor(() => second.logs().some((l) => l.includes(`"delivery":"wr-2"`)), 15_000, gh);
  await waitForQuiet(gh, 2_000);
  if (process.env.E2E_DEBUG) console.log(JSON.stringify({ checks: evalCheck(gh, HEAD), comments: gh.state.comments }, null, 1), second.logs().join('\n'));
}, 150_000);

afterAll(async () => {
  await stopAllApps();
  await gh?.close();
  await database?.drop();
  bundle?.remove();
});

describe('SIGKILL between saving an evaluation\'s result and showing it, then a restart (real process)', () => {
  it('dispatched every shard exactly once, and the redelivered completion was worked after the restart', () => {
    expect(dispatchedShards(gh).sort()).toEqual(['0/1', '1/1', '2/1']);
    expect(apps[1]!.logs().some((l) => l.includes(`workflow run ${lastRun}: finished-before`))).toBe(true);
    expect(gh.violations()).toEqual([]);
    expect(loggedProblems(...apps)).toEqual([]);
  });

  // Found here: a redelivered completion of a run saved as completed but never shown now shows it
  // (collectWorkflowRun), instead of leaving the check in progress for good.
  it('still completes the `Steward / evaluation` check and posts the result comment', () => {
    expect(evalCheck(gh, HEAD)).toMatchObject([{ status: 'completed', conclusion: 'neutral' }]);
    expect(evalCheck(gh, HEAD)[0]!.output.summary).toMatch(/3 of 3 shards done/);
    expect(gh.state.comments.filter((c) => c.body.includes(EVAL_MARKER))).toHaveLength(1);
  });
});
