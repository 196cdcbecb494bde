/**
 * The same delivery three times, one after another and then all at once, to the real `steward
 * serve` process: 200 each time (GitHub must not retry), the work done once, one check run written.
 */
import { describe, expect, it } from '@jest/globals';
import { useServeWorld } from './serve-world.js';
import { waitFor, waitForQuiet } from './wait.js';
import { pullRequestEvent } from './github-events.js';
import { STYLE_CHECK, checkCreations, checksCompleted, pullReads, loggedProblems, seedPull, seedRepository } from './world.js';

const HEAD = 'd'.repeat(40);
const EVENT = pullRequestEvent('opened', { headSha: HEAD });

const world = useServeWorld((standin) => {
  seedRepository(standin);
  seedPull(standin, { headSha: HEAD });
});

const SENDS: [string, (send: () => Promise<number>) => Promise<number[]>][] = [
  ['one after another', async (send) => [await send(), await send(), await send()]],
  ['all at once', (send) => Promise.all([send(), send(), send()])],
];

describe('one delivery id received three times (real process)', () => {
  it.each(SENDS)('%s: one check run, the pull request read once', async (_name, sendThrice) => {
    const statuses = await sendThrice(() => world.app.sendWebhook('pull_request', EVENT, { id: 'delivery-42' }));
    expect(statuses).toEqual([200, 200, 200]);
    await waitFor(checksCompleted(world.standin, HEAD, [STYLE_CHECK]), 20_000, world.standin);
    await waitForQuiet(world.standin, 1_500);
    expect(checkCreations(world.standin)).toEqual([`${STYLE_CHECK}@${HEAD}`]);
    expect(world.standin.writes('/repos/{owner}/{repo}/check-runs')).toHaveLength(1);
    expect(pullReads(world.standin)).toBe(1);
    expect(world.app.logs().filter((line) => line.includes('Delivery delivery-42 already received'))).toHaveLength(2);
    expect(world.standin.violations()).toEqual([]);
    expect(loggedProblems(world.app)).toEqual([]);
  }, 60_000);
});
