/**
 * `steward serve` killed with SIGKILL in the middle of an evaluation, then started again on the
 * same database: the run completes, no shard is lost, none is dispatched twice, and the pull
 * request shows one `Steward / evaluation` check and one result comment.
 *
 * The kill lands at the nastiest moment the stand-in can pin down: GitHub has the workflow
 * dispatch (it answers slowly, then queues the run), the App has claimed the shards but never
 * learns the run's id. The restarted App must find the run by the dispatch id in its run-name.
 * One scenario per database (beforeAll), several findings about it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { startStandin, type Standin } from '../standin/index.js';
import { startApp, stopAllApps, type AppProcess } from './app-process.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import { replicaDatabases, type SharedDatabase } from './databases.js';
import {
  ACCURACY, DISPATCH_ROUTE, EVAL_MARKER, MAINTAINER, commentEvent, completeDispatchedRuns, dispatchedShards, evalCheck, seedEvaluationWorld,
  workflowRunCompleted,
} from './evaluation-world.js';
import { waitFor, waitForQuiet } from './wait.js';
import { loggedProblems } from './world.js';

const HEAD = 'f1'.repeat(20);
// The killed process held the comment's delivery: its lease (60 s, renewed every 20 s) runs out
// before that delivery, and the repository's deliveries queued behind it, are worked again.
const LEASE_MS = 60_000;

let bundle: ServeBundle;
beforeAll(async () => void (bundle = await buildServeBundle()), 60_000);
afterAll(() => bundle?.remove());

interface Outcome { gh: Standin; apps: AppProcess[] }

async function killAtDispatchThenRestart(gh: Standin, databaseUrl: string): Promise<Outcome> {
  seedEvaluationWorld(gh, HEAD);
  const secret = randomBytes(16).toString('hex');
  // GitHub takes the first dispatch but answers slowly: the App is killed before it hears back.
  gh.fault({ method: 'POST', route: DISPATCH_ROUTE, times: 1, reply: { timeoutMs: 1_500 } });
  const first = await startApp({ bundle, standin: gh, databaseUrl, secret });
  expect(await first.sendWebhook('issue_comment', commentEvent('Numbers please.\n/steward eval'), { id: 'eval-comment-1' })).toBe(200);
  await waitFor(() => gh.requests().some((r) => r.route === DISPATCH_ROUTE), 20_000, gh);
  expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
  const killedAt = Date.now();

  // GitHub queued the run anyway; the two shards it carries (one per pool) run and upload results.
  await waitFor(() => gh.state.dispatches.length === 1, 5_000, gh);
  expect(dispatchedShards(gh)).toHaveLength(2);
  const [firstRun] = completeDispatchedRuns(gh);

  // The restart's sweep finds the run by its run-name, collects it, and sends the third shard.
  const second = await startApp({ bundle, standin: gh, databaseUrl, secret });
  await waitFor(() => gh.state.dispatches.length === 2, 20_000, gh);
  const [secondRun] = completeDispatchedRuns(gh);
  // GitHub's deliveries: the first run's completion (lost while the App was down) redelivered twice, the second's once.
  for (const [id, run] of [['wr-1', firstRun!], ['wr-1', firstRun!], ['wr-2', secondRun!]] as const) {
    expect(await second.sendWebhook('workflow_run', workflowRunCompleted(gh, run), { id })).toBe(200);
  }
  // They queue behind the killed delivery until its lease runs out; then it is worked again, and so are they.
  await waitFor(() => evalCheck(gh, HEAD).some((r) => r.status === 'completed'), LEASE_MS + 20_000, gh);
  await waitFor(() => Date.now() - killedAt > LEASE_MS + 2_500, LEASE_MS + 5_000);
  await waitForQuiet(gh, 2_000);
  if (process.env.E2E_DEBUG) console.log(second.logs().join('\n'));
  return { gh, apps: [first, second] };
}

describe.each(replicaDatabases())('SIGKILL between the dispatch and its answer, restart on %s (real process)', (_db, createDatabase) => {
  let database: SharedDatabase;
  let standin: Standin;
  let outcome: Outcome;
  beforeAll(async () => {
    database = await createDatabase();
    standin = await startStandin({ appId: 123 });
    outcome = await killAtDispatchThenRestart(standin, database.url);
  }, 150_000);
  afterAll(async () => {
    await stopAllApps();
    await standin?.close();
    await database?.drop();
  });

  it('dispatches every shard exactly once, across the kill', () => {
    expect(dispatchedShards(outcome.gh).sort()).toEqual(['0/1', '1/1', '2/1']);
    expect(outcome.gh.violations()).toEqual([]);
    expect(loggedProblems(...outcome.apps)).toEqual([]);
  });

  it('completes the `Steward / evaluation` check once, with every shard done', () => {
    const checks = evalCheck(outcome.gh, HEAD);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(checks[0]!.output.summary).toMatch(/3 of 3 shards done/);
  });

  it('posts one result comment with every task\'s number', () => {
    const results = outcome.gh.state.comments.filter((c) => c.body.includes(EVAL_MARKER));
    expect(results).toHaveLength(1);
    for (const [task, acc] of Object.entries(ACCURACY)) {
      expect(results[0]!.body).toMatch(new RegExp(`\\| \`${task}\` \\| \`acc,none\` \\| — \\| ${acc.toFixed(4)} \\|`));
    }
  });

  // Found here: the killed comment delivery is worked again after its lease and finds the run its
  // first attempt created; it no longer tells the maintainer their one command was a second one.
  it('answers the maintainer\'s one /steward eval with nothing but the result', () => {
    const replies = outcome.gh.state.comments.filter((c) => !c.body.includes(EVAL_MARKER)).map((c) => c.body);
    expect(replies).toEqual([]);
    expect(replies.join('\n')).not.toContain(`@${MAINTAINER}`);
  });
});
