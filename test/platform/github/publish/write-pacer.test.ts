/** The write pacer on a fake clock: one at a time, ≥1 s apart, ≤80 a minute, rate-limit answers waited out. */
import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { createGitHubPublisher, createWritePacer, GitHubRateLimitError } from '../../../../src/platform/github/publish/create-github-publisher.js';
import { GitHubError } from '../../../../src/platform/github/github-error.js';
import { basicError } from '../../../support/github-fixtures.js';
import { mockGitHub, testOctokit } from '../setup.js';
import { BASE, issueData, OURS, REPO } from './fixtures.js';

afterEach(() => nock.cleanAll());

function fakeClock() {
  const clock = { t: 0, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    sleep: async (ms: number) => { clock.sleeps.push(ms); clock.t += ms; },
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Answers as Octokit throws them: status, response headers and GitHub's message. */
function answer(status: number, message: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error(message), { name: 'HttpError', status, response: { status, headers, data: { message } } });
}

function maxInWindow(starts: number[]): number {
  return Math.max(...starts.map((s) => starts.filter((x) => x >= s && x < s + 60_000).length));
}

async function writeMany(options: { minGapMs?: number }, count: number) {
  const { clock, now, sleep } = fakeClock();
  const pacer = createWritePacer({ now, sleep, ...options });
  const starts: number[] = [];
  let active = 0;
  let overlap = 0;
  await Promise.all(Array.from({ length: count }, (_, i) => pacer.run(async () => {
    active++;
    overlap = Math.max(overlap, active);
    starts.push(clock.t);
    await tick();
    active--;
    return i;
  })));
  return { starts, overlap, elapsed: clock.t };
}

describe('createWritePacer', () => {
  it.each([
    ['the default 1 s gap', {}],
    ['no gap, so only the 80-a-minute window holds them back', { minGapMs: 0 }],
  ])('spreads 100 writes over at least a minute with %s, never more than 80 in a window, one at a time', async (_case, options) => {
    const { starts, overlap, elapsed } = await writeMany(options, 100);
    expect(starts).toHaveLength(100);
    expect(elapsed).toBeGreaterThanOrEqual(60_000);
    expect(maxInWindow(starts)).toBeLessThanOrEqual(80);
    expect(overlap).toBe(1);
    expect(starts[80]).toBeGreaterThanOrEqual(starts[0]! + 60_000);
  });

  it('keeps writes at least a second apart', async () => {
    const { starts } = await writeMany({}, 5);
    expect(starts).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('counts the pause from the end of the previous write, not its start', async () => {
    const { clock, now, sleep } = fakeClock();
    const pacer = createWritePacer({ now, sleep });
    const starts: number[] = [];
    const slowWrite = async () => { starts.push(clock.t); clock.t += 2500; };
    await Promise.all([pacer.run(slowWrite), pacer.run(slowWrite)]);
    expect(starts).toEqual([0, 3500]);
  });

  it.each([
    ['429 with retry-after', answer(429, 'Too Many Requests', { 'retry-after': '30' }), 30_000],
    ['403 secondary limit with retry-after', answer(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'retry-after': '45' }), 45_000],
    ['403 primary limit until its reset', answer(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '120' }), 120_000],
    ['403 secondary limit without retry-after: a minute', answer(403, 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation.'), 60_000],
  ])('waits as told on a %s, then retries', async (_case, error, wait) => {
    const { clock, now, sleep } = fakeClock();
    let calls = 0;
    const pacer = createWritePacer({ now, sleep });
    await expect(pacer.run(async () => { if (calls++ === 0) throw error; return 'ok'; })).resolves.toBe('ok');
    expect(calls).toBe(2);
    expect(clock.sleeps).toContain(wait);
  });

  it('gives up after 3 retries, doubling from a minute, and says which limit and when to retry', async () => {
    const { clock, now, sleep } = fakeClock();
    let calls = 0;
    const pacer = createWritePacer({ now, sleep });
    const error = await pacer.run(async () => { calls++; throw answer(403, 'You have exceeded a secondary rate limit.'); }, 'POST /repos/acme/models/pulls').catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect(clock.sleeps.filter((ms) => ms >= 60_000)).toEqual([60_000, 120_000, 240_000]);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 403, retryable: true, operation: 'POST /repos/acme/models/pulls' });
    expect((error as Error).message).toMatch(/secondary rate limit \(content creation\).*POST \/repos\/acme\/models\/pulls.*after 3 retries.*try again after 1970-01-01T00:15:00\.000Z/);
  });

  it('does not retry a 403 that is a permission refusal', async () => {
    const { clock, now, sleep } = fakeClock();
    let calls = 0;
    const pacer = createWritePacer({ now, sleep });
    const refused = answer(403, 'Resource not accessible by integration', { 'x-ratelimit-remaining': '4999' });
    await expect(pacer.run(async () => { calls++; throw refused; }, 'POST /repos/acme/models/issues'))
      .rejects.toMatchObject({ status: 403, retryable: false, operation: 'POST /repos/acme/models/issues' });
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('keeps pacing after a failed write', async () => {
    const { now, sleep } = fakeClock();
    const pacer = createWritePacer({ now, sleep });
    await expect(pacer.run(async () => { throw answer(422, 'Validation Failed'); })).rejects.toMatchObject({ status: 422 });
    await expect(pacer.run(async () => 'next')).resolves.toBe('next');
  });

  it('waits for the slot other replicas left it, and writes unshared when the database cannot say', async () => {
    const { clock, now, sleep } = fakeClock();
    const asked: number[] = [];
    const shared = createWritePacer({ now, sleep, reserve: async (gap) => (asked.push(gap), 2_500) });
    let startedAt = -1;
    await shared.run(async () => void (startedAt = clock.t));
    expect(asked).toEqual([1000]);
    expect(startedAt).toBe(2_500);
    const alone = createWritePacer({ now, sleep, reserve: async () => { throw new Error('connection refused'); } });
    const before = clock.t;
    await expect(alone.run(async () => clock.t)).resolves.toBe(before);
  });

  it('reads the retry-after of a real Octokit error through the publisher', async () => {
    const { clock, now, sleep } = fakeClock();
    const gh = mockGitHub()
      .rest('GET', `${BASE}/issues`, { query: { state: 'open', per_page: 100 } }, 200, [])
      .rest('POST', `${BASE}/issues`, { headers: { 'retry-after': '7' } }, 403, basicError('You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.'))
      .rest('POST', `${BASE}/issues`, {}, 201, issueData(12));
    const publisher = createGitHubPublisher(testOctokit(), { pacer: createWritePacer({ now, sleep }) });
    await expect(publisher.publishIssue(REPO, { title: 'Steward: model registry across forks', body: OURS, known: null })).resolves.toEqual({ number: 12, state: 'created' });
    expect(clock.sleeps).toContain(7000);
    gh.done();
  });
});
