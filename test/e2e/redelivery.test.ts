/**
 * The same delivery three times, one after another and then all at once, to the real `steward
 * serve` process: 200 each time (GitHub must not retry), the work done once, one check run written.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startStandin, type Standin } from '../standin/index.js';
import { startApp, stopAllApps, type AppProcess } from './app-process.js';
import { waitFor, waitForQuiet } from './wait.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import { pullRequestEvent } from './github-events.js';
import { STYLE_CHECK, checkCreations, checksCompleted, pullReads, loggedProblems, seedPull, seedRepository } from './world.js';

const HEAD = 'd'.repeat(40);
const EVENT = pullRequestEvent('opened', { headSha: HEAD });

let bundle: ServeBundle;
let standin: Standin;
let app: AppProcess;
beforeAll(async () => void (bundle = await buildServeBundle()), 60_000);
afterAll(() => bundle?.remove());
beforeEach(async () => {
  standin = await startStandin({ appId: 123 });
  seedRepository(standin);
  seedPull(standin, { headSha: HEAD });
  app = await startApp({ bundle, standin });
});
afterEach(async () => {
  await stopAllApps();
  await standin.close();
});

const SENDS: [string, (send: () => Promise<number>) => Promise<number[]>][] = [
  ['one after another', async (send) => [await send(), await send(), await send()]],
  ['all at once', (send) => Promise.all([send(), send(), send()])],
];

describe('one delivery id received three times (real process)', () => {
  it.each(SENDS)('%s: one check run, the pull request read once', async (_name, sendThrice) => {
    const statuses = await sendThrice(() => app.sendWebhook('pull_request', EVENT, { id: 'delivery-42' }));
    expect(statuses).toEqual([200, 200, 200]);
    await waitFor(checksCompleted(standin, HEAD, [STYLE_CHECK]), 20_000, standin);
    await waitForQuiet(standin, 1_500);
    expect(checkCreations(standin)).toEqual([`${STYLE_CHECK}@${HEAD}`]);
    expect(standin.writes('/repos/{owner}/{repo}/check-runs')).toHaveLength(1);
    expect(pullReads(standin)).toBe(1);
    expect(app.logs().filter((line) => line.includes('Delivery delivery-42 already received'))).toHaveLength(2);
    expect(standin.violations()).toEqual([]);
    expect(loggedProblems(app)).toEqual([]);
  }, 60_000);
});
