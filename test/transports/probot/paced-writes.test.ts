import { describe, expect, it } from '@jest/globals';
import type { GitHubClient } from '../../../src/platform/github/github-client.js';
import { createRequestPacer, createWritePacers, withPacedWrites, type RequestPacer } from '../../../src/transports/probot/paced-writes.js';

function recordingClient(log: string[]): GitHubClient {
  return {
    request: async (route, params) => {
      log.push(`${route} ${JSON.stringify((params as { request?: unknown }).request ?? null)}`);
      return { status: 200, data: {}, headers: {} };
    },
    graphql: async (query) => void log.push(`graphql ${query}`),
  };
}

const countingPacer = (): RequestPacer & { runs: number } => {
  const p = { runs: 0, run: <T>(fn: () => Promise<T>) => (p.runs++, fn()) };
  return p;
};

describe('withPacedWrites', () => {
  it('paces REST writes only, and never lets Octokit resend a POST', async () => {
    const log: string[] = [];
    const pacer = countingPacer();
    const client = withPacedWrites(recordingClient(log), pacer);
    await client.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' });
    await client.graphql('query StewardPullRequest { viewer { login } }');
    await client.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'o', repo: 'r', request: { timeout: 5 } });
    await client.request('PATCH /repos/{owner}/{repo}/check-runs/{id}', { owner: 'o', repo: 'r', id: 1 });
    expect(pacer.runs).toBe(2);
    expect(log).toEqual([
      'GET /repos/{owner}/{repo} null',
      'graphql query StewardPullRequest { viewer { login } }',
      'POST /repos/{owner}/{repo}/check-runs {"timeout":5,"retries":0}',
      'PATCH /repos/{owner}/{repo}/check-runs/{id} null',
    ]);
  });
});

describe('createRequestPacer', () => {
  it('runs one write at a time and waits the gap after the previous answer', async () => {
    const waits: number[] = [];
    const pacer = createRequestPacer(1000, async (ms) => void waits.push(ms));
    let running = 0;
    let most = 0;
    const write = () => pacer.run(async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    });
    await Promise.all([write(), write(), write()]);
    expect(most).toBe(1);
    expect(waits).toHaveLength(2);
    for (const ms of waits) expect(ms).toBeGreaterThan(900);
  });

  it('keeps pacing after a failed write', async () => {
    const waits: number[] = [];
    const pacer = createRequestPacer(1000, async (ms) => void waits.push(ms));
    await expect(pacer.run(async () => { throw new Error('502'); })).rejects.toThrow('502');
    await pacer.run(async () => 'ok');
    expect(waits).toHaveLength(1);
  });

  it('also waits for the slot other replicas left it, asking with its gap', async () => {
    const waits: number[] = [];
    const asked: number[] = [];
    const pacer = createRequestPacer(1000, async (ms) => void waits.push(ms), async (gap) => (asked.push(gap), 700));
    expect(await pacer.run(async () => 'sent')).toBe('sent');
    expect(asked).toEqual([1000]);
    expect(waits).toEqual([700]);
  });

  it('still writes, unshared, when the database cannot give a slot', async () => {
    const waits: number[] = [];
    const pacer = createRequestPacer(1000, async (ms) => void waits.push(ms), async () => { throw new Error('connection refused'); });
    expect(await pacer.run(async () => 'sent')).toBe('sent');
    expect(waits).toEqual([]);
  });
});

describe('createWritePacers', () => {
  it('keeps one pacer per installation, each reserving slots for its own installation', async () => {
    const asked: number[] = [];
    const pacerFor = createWritePacers(async (installationId) => (asked.push(installationId), 0));
    expect(pacerFor(1)).toBe(pacerFor(1));
    expect(pacerFor(1)).not.toBe(pacerFor(2));
    await pacerFor(2).run(async () => undefined);
    await pacerFor(1).run(async () => undefined);
    expect(asked).toEqual([2, 1]);
  });
});
