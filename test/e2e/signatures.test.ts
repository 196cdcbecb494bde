/**
 * The real `steward serve` process refuses deliveries it cannot verify: 401, and GitHub (the
 * stand-in) hears nothing at all afterwards: no token, no read, no write.
 */
import { describe, expect, it } from '@jest/globals';
import { useServeWorld } from './serve-world.js';
import { sleep, waitFor } from './wait.js';
import { pullRequestEvent, signBody } from './github-events.js';
import { loggedProblems, seedPull, seedRepository } from './world.js';

const HEAD = 'c'.repeat(40);
const EVENT = pullRequestEvent('opened', { headSha: HEAD });

const world = useServeWorld((standin) => {
  seedRepository(standin);
  seedPull(standin, { headSha: HEAD });
});

const FORGED: [string, () => { secret?: string; signature?: string | null }][] = [
  ['no signature', () => ({ signature: null })],
  ['signed with another secret', () => ({ secret: 'not-the-webhook-secret' })],
  ['a signature of another body', () => ({ signature: signBody('{"action":"opened"}', world.app.secret) })],
  ['the right HMAC as sha1=', () => ({ signature: signBody(JSON.stringify(EVENT), world.app.secret).replace('sha256=', 'sha1=') })],
  ['an empty header', () => ({ signature: '' })],
];

describe('deliveries with a missing or forged signature (real process)', () => {
  it.each(FORGED)('%s: 401 and no request to GitHub', async (_name, options) => {
    expect(await world.app.sendWebhook('pull_request', EVENT, { id: 'forged-1', ...options() })).toBe(401);
    // The worker would have picked the delivery up well within this time (it wakes on enqueue).
    await sleep(1_500);
    expect(world.standin.requests()).toEqual([]);
    // One warning for the operator, naming the delivery; nothing else went wrong.
    expect(loggedProblems(world.app)).toEqual([expect.stringMatching(/"delivery":"forged-1".*Refused a delivery with a missing or wrong signature/)]);
    expect(world.standin.violations()).toEqual([]);
  }, 30_000);

  it('a refused delivery id is not burnt: the genuine delivery with that id is processed', async () => {
    expect(await world.app.sendWebhook('pull_request', EVENT, { id: 'same-id', signature: null })).toBe(401);
    expect(await world.app.sendWebhook('pull_request', EVENT, { id: 'same-id' })).toBe(200);
    await waitFor(() => world.standin.state.checkRuns.some((run) => run.status === 'completed'), 20_000, world.standin);
    expect(world.standin.state.checkRuns).toMatchObject([{ head_sha: HEAD, status: 'completed' }]);
    expect(world.standin.violations()).toEqual([]);
  }, 30_000);
});
