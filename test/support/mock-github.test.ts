import { describe, it, expect, afterEach } from '@jest/globals';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { mockGitHub } from './mock-github.js';
import { checkRunResponse } from './github-fixtures.js';

function octokit() {
  return new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } });
}
const createBody = { name: 'Steward / style', head_sha: 'a'.repeat(40), status: 'completed', conclusion: 'success', output: { title: 't', summary: 's' } } as const;

describe('mockGitHub', () => {
  afterEach(() => nock.cleanAll());

  it('serves an honest REST mock, records the request, and passes done()', async () => {
    const gh = mockGitHub().rest('POST', '/repos/o/r/check-runs', {}, 201, checkRunResponse({ id: 7 }));
    const { data } = await octokit().request('POST /repos/{owner}/{repo}/check-runs', { owner: 'o', repo: 'r', ...createBody });
    expect(data.id).toBe(7);
    expect(gh.requests()).toEqual([{ method: 'POST', path: '/repos/o/r/check-runs' }]);
    expect(() => gh.done()).not.toThrow();
  });

  it('refuses, at once, a mocked route GitHub does not have or a response missing a required field', () => {
    const gh = mockGitHub();
    expect(() => gh.rest('POST', '/repos/o/r/checkruns', {}, 201, checkRunResponse())).toThrow(/no such route/);
    const trimmed = checkRunResponse();
    delete trimmed.status;
    expect(() => gh.rest('POST', '/repos/o/r/check-runs', {}, 201, trimmed)).toThrow(/required property 'status'/);
    gh.done();
  });

  it('fails done() when the code sends a request body GitHub would reject', async () => {
    const gh = mockGitHub().rest('POST', '/repos/o/r/check-runs', {}, 201, checkRunResponse());
    await octokit().request('POST /repos/o/r/check-runs', { name: 'x', status: 'done' });
    expect(() => gh.done()).toThrow(/required property 'head_sha'[\s\S]*status must be equal to one of the allowed values/);
  });

  it('fails done() when a mock was never called, and reports unexpected requests', async () => {
    const gh = mockGitHub().rest('GET', '/orgs/acme/members/ada', {}, 204);
    await expect(octokit().request('GET /orgs/{org}/members/{username}', { org: 'acme', username: 'bob' })).rejects.toThrow();
    expect(gh.problems().join('\n')).toMatch(/unexpected request GET .*bob/);
    expect(() => gh.done()).toThrow(/mock never called: GET https:\/\/api.github.com:443\/orgs\/acme\/members\/ada/);
  });

  it('checks GraphQL queries and mocked answers against the schema', async () => {
    const gh = mockGitHub()
      .graphql('viewer', { data: { viewer: { login: 'steward[bot]' } } })
      .graphql('isDraftt', { data: { repository: null } });
    const ok = await octokit().graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(ok.viewer.login).toBe('steward[bot]');
    expect(gh.problems()).toEqual([]);
    await octokit().graphql('query($o: String!) { repository(owner: $o, name: "r") { pullRequest(number: 1) { isDraftt } } }', { o: 'o' });
    expect(() => gh.done()).toThrow(/Cannot query field "isDraftt"/);
  });

  it('answers dynamic responses from the actual request and counts each hit', async () => {
    const gh = mockGitHub().rest('PATCH', '/repos/o/r/check-runs/9', { times: 2 }, 200,
      (req: { body: unknown }) => checkRunResponse({ id: 9, name: (req.body as { name?: string }).name ?? 'unnamed' }));
    const kit = octokit();
    const first = await kit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner: 'o', repo: 'r', check_run_id: 9, name: 'a' });
    await kit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner: 'o', repo: 'r', check_run_id: 9, name: 'b' });
    expect(first.data.name).toBe('a');
    expect(gh.requestCount()).toBe(2);
    gh.done();
  });
});

describe('mockGitHub with probot.receive', () => {
  it('serves an app handling a real webhook payload, token request excluded from the count', async () => {
    const { Probot } = await import('probot');
    const { generateKeyPairSync } = await import('node:crypto');
    const { loadWebhookExample } = await import('./webhook-payloads.js');
    const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const probot = new Probot({
      appId: 1, privateKey,
      Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
      logLevel: 'fatal',
    });
    probot.load((app) => {
      app.on('pull_request.opened', async (context) => {
        await context.octokit.request('POST /repos/{owner}/{repo}/check-runs', context.repo({
          name: 'Steward / style', head_sha: context.payload.pull_request.head.sha, status: 'completed', conclusion: 'success',
        }));
      });
    });
    const payload = loadWebhookExample('pull_request', 'opened', { index: 1 });
    const repo = `/repos/${payload.repository.owner.login}/${payload.repository.name}`;
    const gh = mockGitHub().installationToken(payload.installation.id).rest('POST', `${repo}/check-runs`, {}, 201, checkRunResponse());
    await probot.receive({ id: '1', name: 'pull_request', payload });
    expect(gh.requests()).toEqual([{ method: 'POST', path: `${repo}/check-runs` }]);
    gh.done();
  });
});
