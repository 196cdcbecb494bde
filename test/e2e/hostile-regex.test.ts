/**
 * Hostile input, issue 6: a pattern from config with nested quantifiers (`subject-pattern:
 * '^(\w+\s?)*$'`, a common way to write "words and spaces") meets a contributor's pull request title
 * of 40 letters and a `!`. JavaScript's backtracking matcher takes about 2^40 steps, and it runs on
 * the process's only thread: no check is written and the process stops answering anything, webhooks
 * and /ping included, until it is killed. (With 10 letters the same test passes: the check says the
 * subject must match, and /ping answers.)
 *
 * Found here, fixed in src/engines/style/unsafe-pattern.ts: a pattern with a quantifier inside a
 * repeated group is refused before it runs, so the check completes with a finding that says why and
 * the process keeps answering.
 */
import { describe, expect, it } from '@jest/globals';
import { useServeWorld } from './serve-world.js';
import { openedEvent, seedHostilePull, setConfig } from './hostile-world.js';
import { waitFor } from './wait.js';
import { STYLE_CHECK, checksCompleted, seedRepository } from './world.js';

const HEAD = '5'.repeat(40);
const TITLE = `feat: ${'a'.repeat(40)}!`;

const world = useServeWorld((standin) => {
  seedRepository(standin);
  setConfig(standin, "style:\n  rules:\n    title-conventional:\n      subject-pattern: '^(\\w+\\s?)*$'\n");
});

describe('a catastrophic-backtracking pattern in config (real process)', () => {
  it('a 40-letter title against ^(\\w+\\s?)*$: the check completes, says why the pattern is refused, and the process keeps answering', async () => {
    seedHostilePull(world.standin, { number: 9, headSha: HEAD, title: TITLE });
    expect(await world.app.sendWebhook('pull_request', openedEvent(9, HEAD))).toBe(200);
    await waitFor(checksCompleted(world.standin, HEAD, [STYLE_CHECK]), 10_000, world.standin);
    const ping = await fetch(new URL('/ping', world.app.url), { signal: AbortSignal.timeout(2_000) });
    expect(ping.status).toBe(200);
    const check = world.standin.state.checkRuns.find((c) => c.head_sha === HEAD && c.name === STYLE_CHECK);
    expect(JSON.stringify(check?.output ?? {})).toMatch(/exponential time/);
  }, 30_000);
});
