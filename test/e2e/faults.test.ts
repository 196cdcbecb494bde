/**
 * GitHub failing under the real `steward serve` process: a 5xx on a write is retried by the durable
 * queue (a POST is never resent blindly), reads by Probot's Octokit (plugin-retry: 1 s, 4 s, 9 s),
 * short rate limits in the request and long ones by the queue at retry-after; a GitHub that never
 * recovers ends in a failed check that says what failed and how to re-run it, and a GitHub that
 * never answers is given up on at Steward's request deadline (30 s).
 * The worker's own backoff (30 s, 2 min, 10 min) is shortened through STEWARD_RETRY_BACKOFF_MS where
 * a test needs it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startStandin, type RecordedRequest, type Standin } from '../standin/index.js';
import { startApp, stopAllApps, type AppProcess } from './app-process.js';
import { waitFor, waitForQuiet } from './wait.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import { pullRequestEvent } from './github-events.js';
import { STYLE_CHECK, checkCreations, checksCompleted, seedPull, seedRepository } from './world.js';

const HEAD = 'f'.repeat(40);
const CHECK_WRITE = '/repos/{owner}/{repo}/check-runs';
const PULL_READ = 'StewardPullRequest';

let bundle: ServeBundle;
let standin: Standin | undefined;
beforeAll(async () => void (bundle = await buildServeBundle()), 60_000);
afterAll(() => bundle?.remove());
afterEach(async () => {
  await stopAllApps();
  await standin?.close();
});

async function openPullRequest(env: Record<string, string> = {}, prepare: (gh: Standin) => void = () => {}): Promise<{ gh: Standin; app: AppProcess }> {
  const gh = (standin = await startStandin({ appId: 123 }));
  seedRepository(gh);
  seedPull(gh, { headSha: HEAD });
  prepare(gh);
  const app = await startApp({ bundle, standin: gh, env });
  expect(await app.sendWebhook('pull_request', pullRequestEvent('opened', { headSha: HEAD }), { id: 'fault-1' })).toBe(200);
  return { gh, app };
}

const checkWrites = (gh: Standin) => gh.requests().filter((r) => r.method === 'POST' && r.route === CHECK_WRITE);
const pullReadsOf = (gh: Standin) => gh.requests().filter((r) => r.operation === PULL_READ);
const gapsOf = (requests: RecordedRequest[]) => requests.slice(1).map((r, i) => r.time - requests[i]!.time);
const workerRetried = (app: AppProcess) => app.logs().some((line) => /Attempt \d+ failed, retrying at/.test(line));
const allCompleted = (gh: Standin) => gh.state.checkRuns.filter((run) => run.head_sha === HEAD).every((run) => run.status === 'completed');

describe('GitHub answering 5xx to the check-run write (real process)', () => {
  // A POST is never resent blindly by Octokit (GitHub may have created the check before failing):
  // the queue retries the delivery, which looks for an existing check first.
  it.each([[502, 1], [503, 2]] as const)('%i for the first %i attempt(s): the delivery is retried after the backoff; the check is created once', async (status, times) => {
    const { gh, app } = await openPullRequest({ STEWARD_RETRY_BACKOFF_MS: '500,500,500' }, (g) => g.fault({ method: 'POST', route: CHECK_WRITE, times, reply: { status } }));
    await waitFor(checksCompleted(gh, HEAD, [STYLE_CHECK]), 25_000, gh);
    await waitForQuiet(gh, 1_500);
    const writes = checkWrites(gh);
    expect(writes.map((w) => w.status)).toEqual([...Array<number>(times).fill(status), 201]);
    gapsOf(writes).forEach((gap) => expect(gap).toBeGreaterThanOrEqual(500 - 50));
    expect(checkCreations(gh)).toEqual([`${STYLE_CHECK}@${HEAD}`]);
    expect(gh.state.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(workerRetried(app)).toBe(true);
    expect(gh.violations()).toEqual([]);
  }, 40_000);
});

describe('GitHub rate-limiting the check-run write (real process)', () => {
  // Steward's throttle handlers (serve.ts) wait out a short retry-after inside the request; a long
  // one goes back to the queue (the 429 test below).
  it('403 secondary rate limit, retry-after 3: retried inside the request after at least retry-after', async () => {
    const { gh, app } = await openPullRequest({}, (g) => g.fault({ method: 'POST', route: CHECK_WRITE, times: 1, reply: { status: 403, secondary: true, retryAfter: 3 } }));
    await waitFor(checksCompleted(gh, HEAD, [STYLE_CHECK]), 38_000, gh);
    const writes = checkWrites(gh);
    expect(writes.map((w) => w.status)).toEqual([403, 201]);
    expect(gapsOf(writes)[0]).toBeGreaterThanOrEqual(3_000 - 50);
    expect(workerRetried(app)).toBe(false);
    expect(checkCreations(gh)).toEqual([`${STYLE_CHECK}@${HEAD}`]);
    expect(allCompleted(gh)).toBe(true);
    expect(gh.violations()).toEqual([]);
  }, 45_000);

  // Found here: plugin-throttling retried a 429 at x-ratelimit-reset + 1 s ("Retrying after 3601
  // seconds!") inside the request, holding a worker lane for an hour and ignoring retry-after. Now a
  // long wait goes back to the queue, which retries at retry-after (GitHub's order) or the backoff.
  it('429 with retry-after 3: retried after retry-after, within half a minute', async () => {
    const { gh } = await openPullRequest({ STEWARD_RETRY_BACKOFF_MS: '1000' }, (g) => g.fault({ method: 'POST', route: CHECK_WRITE, times: 1, reply: { status: 429, retryAfter: 3 } }));
    await waitFor(() => checkWrites(gh).length === 2, 35_000, gh);
    const writes = checkWrites(gh);
    expect(writes.map((w) => w.status)).toEqual([429, 201]);
    expect(gapsOf(writes)[0]).toBeGreaterThanOrEqual(3_000 - 50);
    expect(gh.violations()).toEqual([]);
  }, 45_000);
});

describe('GitHub failing every time (real process)', () => {
  const failingGraphql = (g: Standin) => g.fault({ operation: PULL_READ, reply: { status: 502 } });

  it('the first attempt: 4 reads (Octokit retries 1 s, 4 s, 9 s), then the worker schedules attempt 2 for 30 s later; no check left in_progress', async () => {
    const { gh, app } = await openPullRequest({}, failingGraphql);
    await waitFor(() => workerRetried(app), 25_000, gh);
    const reads = pullReadsOf(gh);
    expect(reads.map((r) => r.status)).toEqual([502, 502, 502, 502]);
    gapsOf(reads).forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual((i + 1) ** 2 * 1000 - 50));
    const line = app.logs().find((l) => /Attempt 1 failed, retrying at/.test(l))!;
    const retryAt = Date.parse(/retrying at (\S+):/.exec(line)![1]!);
    expect(retryAt - reads.at(-1)!.time).toBeGreaterThanOrEqual(29_000);
    expect(line).toContain('GitHub answered 502');
    expect(allCompleted(gh)).toBe(true);
    expect(gh.violations()).toEqual([]);
  }, 40_000);

  // STEWARD_RETRY_BACKOFF_MS shortens the worker's waits (default 30 s, 2 min, 10 min).
  it('after the last attempt, a failed check says what failed and how to re-run it (STEWARD_RETRY_BACKOFF_MS)', async () => {
    const { gh } = await openPullRequest({ STEWARD_RETRY_BACKOFF_MS: '200' }, failingGraphql);
    await waitFor(checksCompleted(gh, HEAD, [STYLE_CHECK]), 38_000, gh);
    await waitForQuiet(gh, 1_000);
    const [run, ...others] = gh.state.checkRuns;
    expect(others).toEqual([]);
    expect(run).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'failure', output: { title: 'Steward could not finish' } });
    expect(run!.output.summary).toMatch(/GitHub answered 502 \(Bad Gateway\) to GraphQL StewardPullRequest/);
    expect(run!.output.summary).toMatch(/It tried 2 times[\s\S]*Re-run from the Checks tab or comment `\/steward recheck`/);
    expect(allCompleted(gh)).toBe(true);
    expect(gh.violations()).toEqual([]);
  }, 45_000);
});

describe('GitHub not answering (real process)', () => {
  it('a read held past the 30 s request deadline is abandoned and retried like a 5xx; the check completes', async () => {
    const { gh, app } = await openPullRequest({}, (g) => g.fault({ operation: PULL_READ, times: 1, reply: { timeoutMs: 40_000 } }));
    await waitFor(checksCompleted(gh, HEAD, [STYLE_CHECK]), 38_000, gh);
    const reads = pullReadsOf(gh);
    expect(reads).toHaveLength(2);
    // Retried after Steward's deadline (30 s) and before the stand-in would have answered (40 s).
    expect(gapsOf(reads)[0]).toBeGreaterThanOrEqual(30_000);
    expect(gapsOf(reads)[0]).toBeLessThan(40_000);
    expect(checkCreations(gh)).toEqual([`${STYLE_CHECK}@${HEAD}`]);
    expect(workerRetried(app)).toBe(false);
    expect(gh.violations()).toEqual([]);
  }, 45_000);
});
