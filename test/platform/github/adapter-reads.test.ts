import { describe, it, expect, afterEach } from '@jest/globals';
import nock from 'nock';
import { createGitHubAdapter, GitHubError } from '../../../src/platform/github/create-github-adapter.js';
import { basicError, issueCommentResponse } from '../../support/github-fixtures.js';
import type { RestRequest } from '../../support/mock-github.js';
import { mockGitHub, testOctokit } from './setup.js';

afterEach(() => nock.cleanAll());

describe('GitHub adapter: config reads, membership, comments', () => {
  it('reads an _extends file in one GraphQL request, and null when it or its repository is missing', async () => {
    const gh = mockGitHub()
      .graphql((q, v) => q.includes('StewardReadFile') && v.name === 'policies', { data: { repository: { object: { __typename: 'Blob', text: 'style: {}\n' } } } })
      .graphql((q, v) => q.includes('StewardReadFile') && v.name === 'gone', {
        data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: "Could not resolve to a Repository with the name 'acme/gone'." }],
      })
      .graphql((q, v) => q.includes('StewardReadFile') && v.name === 'empty', { data: { repository: { object: null } } });
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.readFile('acme/policies', 'steward/base.yml', 'v2')).toEqual({ origin: 'acme/policies:steward/base.yml@v2', path: 'steward/base.yml', text: 'style: {}\n' });
    expect(await adapter.readFile('acme/gone', '.github/steward.yml')).toBeNull();
    expect(await adapter.readFile('acme/empty', '.github/steward.yml')).toBeNull();
    expect(adapter.requestCount()).toBe(3);
    gh.done();
  });

  it('says how to write the repository of an _extends target', async () => {
    await expect(createGitHubAdapter(testOctokit()).readFile('policies', 'a.yml')).rejects.toThrow(/must be written "owner\/repo"/);
  });

  it('asks GitHub about org membership once per login: 204 member, 404 not', async () => {
    const gh = mockGitHub()
      .rest('GET', '/orgs/acme/members/ada', {}, 204)
      .rest('GET', '/orgs/acme/members/eve', {}, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.isOrgMember('acme', 'ada')).toBe(true);
    expect(await adapter.isOrgMember('acme', 'Ada')).toBe(true);
    expect(await adapter.isOrgMember('acme', 'eve')).toBe(false);
    expect(adapter.requestCount()).toBe(2);
    gh.done();
  });

  it('follows the 302 GitHub sends when the App may not see private members: public membership decides', async () => {
    const location = { location: 'https://api.github.com/orgs/acme/public_members/bob' };
    const gh = mockGitHub()
      .rest('GET', '/orgs/acme/members/bob', { headers: location }, 302)
      .rest('GET', '/orgs/acme/public_members/bob', {}, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
      .rest('GET', '/orgs/acme/members/cy', { headers: { location: 'https://api.github.com/orgs/acme/public_members/cy' } }, 302)
      .rest('GET', '/orgs/acme/public_members/cy', {}, 204);
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.isOrgMember('acme', 'bob')).toBe(false);
    expect(await adapter.isOrgMember('acme', 'cy')).toBe(true);
    gh.done();
  });

  it('comments on a pull request', async () => {
    let sent: unknown;
    const gh = mockGitHub().rest('POST', '/repos/acme/models/issues/7/comments', {}, 201, (req: RestRequest) => ((sent = req.body), issueCommentResponse()));
    await createGitHubAdapter(testOctokit()).comment({ owner: 'acme', repo: 'models' }, 7, 'Only maintainers can waive rules.');
    expect(sent).toEqual({ body: 'Only maintainers can waive rules.' });
    gh.done();
  });

  it('turns a GraphQL error that is not a missing optional part into a GitHubError', async () => {
    const gh = mockGitHub().graphql('StewardReadFile', { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] });
    const error = await createGitHubAdapter(testOctokit()).readFile('acme/private', 'a.yml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toMatch(/GraphQL StewardReadFile.*FORBIDDEN: Resource not accessible by integration/);
    gh.done();
  });

  it('reports a pull request the App cannot see', async () => {
    const gh = mockGitHub().graphql('query StewardPullRequest(', { data: { repository: null, organization: null } });
    await expect(createGitHubAdapter(testOctokit()).loadPullRequest({ owner: 'acme', repo: 'models', number: 9 }, 'Steward / style'))
      .rejects.toThrow(/acme\/models#9.*not found, or the Steward App is not installed/);
    gh.done();
  });

  it('declares what it can do', () => {
    expect(createGitHubAdapter(testOctokit()).capabilities).toEqual({ checks: true, comments: true, identity: true });
  });
});

describe('GitHub adapter: GitHub failing a read', () => {
  it('turns a 502 on the pull-request query into a retryable GitHubError', async () => {
    const gh = mockGitHub().graphql('query StewardPullRequest(', basicError('Server Error'), { status: 502, headers: { 'x-github-request-id': 'D00D:42' } });
    const error = await createGitHubAdapter(testOctokit()).loadPullRequest({ owner: 'acme', repo: 'models', number: 7 }, 'Steward / style').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toBe('GitHub answered 502 for GraphQL StewardPullRequest (request id D00D:42): Server Error; Steward will retry.');
    gh.done();
  });
});
