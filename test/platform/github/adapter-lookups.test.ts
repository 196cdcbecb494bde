/** The App's lookups through the adapter: permissions, pull requests of a commit, a PR's head, our check run. */
import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { createGitHubAdapter, GitHubError } from '../../../src/platform/github/create-github-adapter.js';
import { basicError, checkRunResponse, pullRequestResponse, restExample, withOverrides } from '../../support/github-fixtures.js';
import { APP_ID, HEAD, mockGitHub, testOctokit } from './setup.js';

afterEach(() => nock.cleanAll());

const REPO = { owner: 'acme', repo: 'models' };
const OTHER = 'b'.repeat(40);

function permissionAnswer(login: string, permission: string, roleName: string) {
  const base = restExample('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission');
  return withOverrides(base, { permission, role_name: roleName, user: { login, role_name: roleName } });
}

function pullOfCommit(number: number, state: 'open' | 'closed', headSha: string) {
  const [example] = restExample('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls') as unknown as Record<string, unknown>[];
  return withOverrides(example!, { number, state, head: { sha: headSha }, requested_teams: [] });
}

describe('GitHub adapter: permissionOf', () => {
  it('gives the role GitHub names, maintain and triage included, not the legacy permission', async () => {
    const gh = mockGitHub()
      .rest('GET', '/repos/acme/models/collaborators/ada/permission', {}, 200, permissionAnswer('ada', 'admin', 'admin'))
      .rest('GET', '/repos/acme/models/collaborators/max/permission', {}, 200, permissionAnswer('max', 'write', 'maintain'))
      .rest('GET', '/repos/acme/models/collaborators/tia/permission', {}, 200, permissionAnswer('tia', 'read', 'triage'))
      .rest('GET', '/repos/acme/models/collaborators/rob/permission', {}, 200, permissionAnswer('rob', 'read', 'read'));
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.permissionOf(REPO, 'ada')).toEqual({ level: 'admin', role: 'admin' });
    expect(await adapter.permissionOf(REPO, 'max')).toEqual({ level: 'maintain', role: 'maintain' });
    expect(await adapter.permissionOf(REPO, 'tia')).toEqual({ level: 'triage', role: 'triage' });
    expect(await adapter.permissionOf(REPO, 'rob')).toEqual({ level: 'read', role: 'read' });
    expect(adapter.requestCount()).toBe(4);
    gh.done();
  });

  it('keeps a custom role\'s name for replies and ranks it by its base permission', async () => {
    const gh = mockGitHub()
      .rest('GET', '/repos/acme/models/collaborators/sec/permission', {}, 200, permissionAnswer('sec', 'write', 'security-reviewer'))
      .rest('GET', '/repos/acme/models/collaborators/doc/permission', {}, 200, permissionAnswer('doc', 'read', 'docs-writer'));
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.permissionOf(REPO, 'sec')).toEqual({ level: 'write', role: 'security-reviewer' });
    expect(await adapter.permissionOf(REPO, 'doc')).toEqual({ level: 'read', role: 'docs-writer' });
    gh.done();
  });

  it('answers none for someone GitHub does not know as a collaborator (404)', async () => {
    const gh = mockGitHub().rest('GET', '/repos/acme/models/collaborators/drive-by/permission', {}, 404, basicError('Not Found'));
    expect(await createGitHubAdapter(testOctokit()).permissionOf(REPO, 'drive-by')).toEqual({ level: 'none', role: 'none' });
    gh.done();
  });

  it('throws a retryable GitHubError naming the call when GitHub fails', async () => {
    const gh = mockGitHub().rest('GET', '/repos/acme/models/collaborators/ada/permission', {}, 502, basicError('Server Error'));
    const error = await createGitHubAdapter(testOctokit()).permissionOf(REPO, 'ada').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 502, retryable: true, operation: 'GET /repos/acme/models/collaborators/ada/permission' });
    gh.done();
  });
});

describe('GitHub adapter: pullRequestsForCommit', () => {
  it('lists only the open pull requests whose head is the commit, in one request of up to 100', async () => {
    const gh = mockGitHub().rest('GET', `/repos/acme/models/commits/${HEAD}/pulls`, { query: { per_page: 100 } }, 200, [
      pullOfCommit(7, 'open', HEAD), pullOfCommit(3, 'closed', HEAD), pullOfCommit(9, 'open', OTHER), pullOfCommit(12, 'open', HEAD),
    ]);
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.pullRequestsForCommit(REPO, HEAD)).toEqual([7, 12]);
    expect(adapter.requestCount()).toBe(1);
    gh.done();
  });

  it('answers [] for a commit of no pull request', async () => {
    const gh = mockGitHub().rest('GET', `/repos/acme/models/commits/${HEAD}/pulls`, {}, 200, []);
    expect(await createGitHubAdapter(testOctokit()).pullRequestsForCommit(REPO, HEAD)).toEqual([]);
    gh.done();
  });

  it('maps a refusal to a GitHubError that says how to fix it', async () => {
    const gh = mockGitHub().rest('GET', `/repos/acme/models/commits/${HEAD}/pulls`, {}, 403, basicError('Resource not accessible by integration'));
    const error = await createGitHubAdapter(testOctokit()).pullRequestsForCommit(REPO, HEAD).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GitHubError', status: 403, retryable: false });
    expect((error as Error).message).toMatch(/refused GET \/repos\/acme\/models\/commits\/a+\/pulls with 403.*permissions in app\.yml/);
    gh.done();
  });
});

describe('GitHub adapter: pullRequestHead', () => {
  it('reads the pull request\'s current head commit', async () => {
    const gh = mockGitHub().rest('GET', '/repos/acme/models/pulls/7', {}, 200, pullRequestResponse({ number: 7, head: { sha: OTHER } }));
    expect(await createGitHubAdapter(testOctokit()).pullRequestHead(REPO, 7)).toBe(OTHER);
    gh.done();
  });

  it('says which pull request it could not read', async () => {
    const gh = mockGitHub().rest('GET', '/repos/acme/models/pulls/70', {}, 404, basicError('Not Found'));
    const error = await createGitHubAdapter(testOctokit()).pullRequestHead(REPO, 70).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GitHubError', status: 404, retryable: false, operation: 'GET /repos/acme/models/pulls/70' });
    gh.done();
  });
});

describe('GitHub adapter: findCheck', () => {
  it('asks for our App\'s latest run of that name on the commit', async () => {
    const query = { check_name: 'Steward / style', filter: 'latest', per_page: 1, app_id: APP_ID };
    const gh = mockGitHub().rest('GET', `/repos/acme/models/commits/${HEAD}/check-runs`, { query }, 200, {
      total_count: 1, check_runs: [checkRunResponse({ id: 99, head_sha: HEAD, name: 'Steward / style', status: 'in_progress', conclusion: null })],
    });
    const adapter = createGitHubAdapter(testOctokit(), { appId: APP_ID });
    expect(await adapter.findCheck(REPO, HEAD, 'Steward / style')).toEqual({ id: 99, status: 'in_progress', fingerprint: null, annotationsFingerprint: null });
    expect(adapter.requestCount()).toBe(1);
    gh.done();
  });

  it('reads back the fingerprint Steward wrote, so an unchanged result is not written again', async () => {
    const summary = 'table\n\n<!-- steward:fingerprint=0123456789abcdef annotations=fedcba9876543210 -->';
    const run = checkRunResponse({ id: 99, head_sha: HEAD, name: 'Steward / model cards', status: 'completed' });
    const gh = mockGitHub().rest('GET', `/repos/acme/models/commits/${HEAD}/check-runs`, {}, 200, {
      total_count: 1, check_runs: [{ ...run, output: { ...(run.output as object), summary, annotations_count: 2 } }],
    });
    const adapter = createGitHubAdapter(testOctokit(), { appId: APP_ID });
    const found = await adapter.findCheck(REPO, HEAD, 'Steward / model cards');
    expect(found).toEqual({ id: 99, status: 'completed', fingerprint: '0123456789abcdef', annotationsFingerprint: 'fedcba9876543210' });
    const plan = { name: 'Steward / model cards', headSha: HEAD, conclusion: 'success' as const, title: 't', summary, text: null, annotations: [],
      actions: [], fingerprint: '0123456789abcdef', annotationsFingerprint: 'fedcba9876543210', externalId: '' };
    expect(await adapter.publishCheck(REPO, plan, found)).toEqual({ checkId: 99, written: false, requests: 0 });
    gh.done();
  });

  it('leaves the App out of the query when its id is unknown, and answers null when there is no run', async () => {
    const gh = mockGitHub().rest('GET', `/repos/acme/models/commits/${HEAD}/check-runs`,
      { query: { check_name: 'Steward / style', filter: 'latest', per_page: 1 } }, 200, { total_count: 0, check_runs: [] });
    expect(await createGitHubAdapter(testOctokit()).findCheck(REPO, HEAD, 'Steward / style')).toBeNull();
    gh.done();
  });

  it('throws a retryable GitHubError when GitHub is down', async () => {
    const gh = mockGitHub().rest('GET', `/repos/acme/models/commits/${HEAD}/check-runs`, {}, 503, basicError('Service Unavailable'));
    const error = await createGitHubAdapter(testOctokit()).findCheck(REPO, HEAD, 'Steward / style').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GitHubError', status: 503, retryable: true });
    gh.done();
  });
});
