/** Fault rules: they fire exactly as often as asked, with GitHub's headers and bodies, then stop. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startStandin, type FaultReply, type Standin } from './index.js';

let gh: Standin;
let token: string;
beforeEach(async () => {
  gh = await startStandin();
  gh.seed.repository({ owner: 'acme', name: 'models' });
  token = gh.issueToken(1);
});
afterEach(async () => gh.close());

const getRepo = () => fetch(`${gh.restUrl}/repos/acme/models`, { headers: { authorization: `token ${token}` } });
const createCheck = () => fetch(`${gh.restUrl}/repos/acme/models/check-runs`, {
  method: 'POST', headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'Steward', head_sha: 'a'.repeat(40) }),
});

describe('stand-in faults', () => {
  it('fires exactly `times` after letting `after` requests through, then answers normally', async () => {
    gh.fault({ method: 'GET', route: '/repos/{owner}/{repo}', after: 1, times: 2, reply: { status: 502 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await getRepo()).status);
    expect(statuses).toEqual([200, 502, 502, 200, 200]);
    expect(gh.requests().map((r) => r.fault ?? false)).toEqual([false, true, true, false, false]);
  });

  it('matches only its method and route: other calls pass', async () => {
    gh.fault({ method: 'POST', route: '/repos/{owner}/{repo}/check-runs', reply: { status: 500 } });
    expect((await getRepo()).status).toBe(200);
    const failed = await createCheck();
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ message: 'Server Error', documentation_url: expect.stringContaining('docs.github.com') });
    // A write GitHub failed leaves nothing behind, and is still a recorded write attempt.
    expect(gh.state.checkRuns).toEqual([]);
    expect(gh.writes('/repos/{owner}/{repo}/check-runs')).toHaveLength(1);
  });

  it.each<[string, FaultReply, number, Record<string, string | RegExp>, RegExp]>([
    ['429 with retry-after', { status: 429, retryAfter: 7 }, 429, { 'retry-after': '7', 'x-ratelimit-remaining': '0' }, /rate limit exceeded/],
    ['a secondary rate limit', { status: 403, secondary: true, retryAfter: 60 }, 403, { 'retry-after': '60' }, /secondary rate limit/],
    ['a primary rate limit', { status: 403, rateLimitReset: 1_900_000_000 }, 403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' }, /rate limit exceeded/],
    ['503', { status: 503 }, 503, {}, /Service Unavailable/],
  ])('answers %s with GitHub\'s headers and body', async (_name, reply, status, headers, message) => {
    gh.fault({ route: '/repos/acme/models', times: 1, reply });
    const response = await getRepo();
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(headers)) expect(response.headers.get(name)).toEqual(value);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
    expect((await getRepo()).status).toBe(200);
  });

  it('a secondary rate limit without retry-after sends none', async () => {
    gh.fault({ route: '/repos/{owner}/{repo}', times: 1, reply: { status: 403, secondary: true } });
    expect((await getRepo()).headers.get('retry-after')).toBeNull();
  });

  it('a timeout holds the answer past the client\'s patience; the write still lands, as on GitHub', async () => {
    gh.fault({ method: 'POST', route: '/repos/{owner}/{repo}/check-runs', times: 1, reply: { timeoutMs: 400 } });
    const aborted = await fetch(`${gh.restUrl}/repos/acme/models/check-runs`, {
      method: 'POST', headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Steward', head_sha: 'a'.repeat(40) }), signal: AbortSignal.timeout(100),
    }).catch((e: Error) => e.name);
    expect(aborted).toBe('TimeoutError');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(gh.state.checkRuns).toHaveLength(1);
    expect((await createCheck()).status).toBe(201);
  });

  it('faults a GraphQL operation by name', async () => {
    gh.fault({ operation: 'StewardReadFile', times: 1, reply: { status: 502 } });
    const query = 'query StewardReadFile($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { object(expression: "HEAD:a") { ... on Blob { text } } } }';
    const post = () => fetch(gh.graphqlUrl, { method: 'POST', headers: { authorization: `bearer ${token}` }, body: JSON.stringify({ query, variables: { owner: 'acme', name: 'models' } }) });
    expect((await post()).status).toBe(502);
    expect((await post()).status).toBe(200);
    expect(gh.requests().map((r) => [r.route, r.operation, r.status])).toEqual([['/graphql', 'StewardReadFile', 502], ['/graphql', 'StewardReadFile', 200]]);
  });
});
