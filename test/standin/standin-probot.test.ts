/**
 * Probot pointed at the stand-in: through baseUrl, through GHE_HOST/GHE_PROTOCOL as GitHub
 * Enterprise users configure it, and `steward serve` (in-process) answering a signed webhook.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProbot, ProbotOctokit } from 'probot';
import { serve } from '../../src/transports/probot/serve.js';
import { loadWebhookExample } from '../support/webhook-payloads.js';
import { privateKey } from '../transports/probot/test-probot.js';
import { startStandin, type Standin } from './index.js';

const NO_RETRIES = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } });
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'; // the head of the pull_request.opened example
let gh: Standin;
beforeEach(async () => {
  gh = await startStandin({ appId: 123 });
  gh.seed.repository({ owner: 'Codertocat', name: 'Hello-World', defaultBranch: 'master' });
  gh.seed.pullRequest({ owner: 'Codertocat', repo: 'Hello-World', number: 2, headSha: HEAD, headFiles: { 'README.md': '# Hello\n' } });
});
afterEach(async () => gh.close());

describe('Probot against the stand-in', () => {
  it('authenticates as the App with a JWT, then writes with the installation token (baseUrl)', async () => {
    const octokit = new NO_RETRIES({ baseUrl: gh.restUrl, auth: { appId: 123, privateKey: privateKey(), installationId: 1 } });
    await octokit.rest.checks.create({ owner: 'Codertocat', repo: 'Hello-World', name: 'Steward', head_sha: HEAD, status: 'in_progress' });
    expect(gh.requests().map((r) => [r.method, r.route, r.auth, r.status])).toEqual([
      ['POST', '/app/installations/{installation_id}/access_tokens', 'app-jwt', 201],
      ['POST', '/repos/{owner}/{repo}/check-runs', 'installation-token', 201],
    ]);
    expect(gh.violations()).toEqual([]);
  });

  it('a JWT from another App is refused', async () => {
    const octokit = new NO_RETRIES({ baseUrl: gh.restUrl, auth: { appId: 999, privateKey: privateKey(), installationId: 1 } });
    await expect(octokit.rest.repos.get({ owner: 'Codertocat', repo: 'Hello-World' })).rejects.toMatchObject({ status: 401 });
  });

  it('reaches it from GHE_HOST and GHE_PROTOCOL: REST under /api/v3, GraphQL at /api/graphql', async () => {
    const probot = createProbot({ env: { ...gh.env, APP_ID: '123', PRIVATE_KEY: privateKey(), LOG_LEVEL: 'fatal' }, overrides: { Octokit: NO_RETRIES } });
    const octokit = await probot.auth(1);
    await octokit.rest.pulls.get({ owner: 'Codertocat', repo: 'Hello-World', pull_number: 2 });
    await octokit.graphql('query StewardReadFile($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { object(expression: "HEAD:README.md") { ... on Blob { text } } } }', { owner: 'Codertocat', name: 'Hello-World' });
    expect(gh.requests().map((r) => r.received)).toEqual([
      '/api/v3/app/installations/1/access_tokens', '/api/v3/repos/Codertocat/Hello-World/pulls/2', '/api/graphql',
    ]);
    expect(gh.violations()).toEqual([]);
  });

  it('`steward serve` with GHE_HOST answers a signed pull_request webhook with a check run on the stand-in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-standin-'));
    const running = await serve({
      ...gh.env, APP_ID: '123', PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: 'shh', PORT: '0', HOST: '127.0.0.1',
      DATABASE_URL: join(dir, 'steward.sqlite'), LOG_LEVEL: 'fatal',
    }, { Octokit: NO_RETRIES });
    try {
      const body = JSON.stringify(loadWebhookExample('pull_request', 'opened', { index: 1 }));
      const response = await fetch(running.url, {
        method: 'POST', body,
        headers: {
          'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'standin-1',
          'x-hub-signature-256': `sha256=${createHmac('sha256', 'shh').update(body).digest('hex')}`,
        },
      });
      expect(response.status).toBe(200);
      await waitFor(() => gh.state.checkRuns.some((r) => r.status === 'completed'), 15_000);
      expect(gh.state.checkRuns).toMatchObject([{ head_sha: HEAD, status: 'completed' }]);
      expect(gh.violations()).toEqual([]);
      expect(gh.writes()).toMatchObject([{ route: '/repos/{owner}/{repo}/check-runs', auth: 'installation-token' }]);
      expect(gh.requests().every((r) => r.received.startsWith('/api/v3/') || r.received === '/api/graphql')).toBe(true);
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms; the stand-in saw: ${JSON.stringify(gh.requests().map((r) => `${r.method} ${r.path} ${r.status}`))}; violations: ${JSON.stringify(gh.violations())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
