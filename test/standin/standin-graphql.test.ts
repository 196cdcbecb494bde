/** The stand-in's GraphQL side: Steward's own queries answered from state, anything else refused. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { graphql } from '@octokit/graphql';
import { buildPullRequestQuery } from '../../src/platform/github/pull-request-query.js';
import { filesQuery } from '../../src/platform/github/read-files.js';
import { startStandin, type Standin } from './index.js';

const HEAD = 'c'.repeat(40);
let gh: Standin;
let client: typeof graphql;

beforeEach(async () => {
  gh = await startStandin();
  gh.seed.repository({ owner: 'acme', name: 'models', files: { '.github/steward.yml': 'checks: {}\n' } });
  gh.seed.repository({ owner: 'acme', name: '.github', files: { '.github/steward.yml': 'org: true\n' } });
  gh.seed.pullRequest({
    owner: 'acme', repo: 'models', number: 3, headSha: HEAD, title: 'feat: new card',
    headFiles: { 'models/a/README.md': '---\nlicense: mit\n---\n' },
  });
  client = graphql.defaults({ baseUrl: gh.restUrl, headers: { authorization: `token ${gh.issueToken()}` } });
});
afterEach(async () => gh.close());

describe('the GitHub stand-in over GraphQL', () => {
  it('answers the StewardPullRequest snapshot at /api/graphql from the seeded state', async () => {
    const query = buildPullRequestQuery({ configRef: 'HEAD', headSha: HEAD, appId: 123 });
    const data = (await client(query, { owner: 'acme', name: 'models', number: 3, checkName: 'Steward' })) as {
      repository: { config: { text: string }; pullRequest: { title: string; headRefOid: string; files: { nodes: { path: string }[] } } };
      organization: { config: { text: string } };
    };
    expect(data.repository.pullRequest).toMatchObject({ title: 'feat: new card', headRefOid: HEAD });
    expect(data.repository.pullRequest.files.nodes.map((f) => f.path)).toEqual(['models/a/README.md']);
    expect(data.repository.config.text).toBe('checks: {}\n');
    expect(data.organization.config.text).toBe('org: true\n');
    expect(gh.requests()).toMatchObject([{ received: '/api/graphql', route: '/graphql', operation: 'StewardPullRequest', status: 200 }]);
    expect(gh.violations()).toEqual([]);
  });

  it('reads files at the head SHA with StewardReadFiles, leaving absent paths null', async () => {
    const data = (await client(filesQuery(HEAD, ['models/a/README.md', 'missing.md']), { owner: 'acme', name: 'models' })) as {
      repository: Record<string, { text: string } | null>;
    };
    expect(data.repository.f0?.text).toContain('license: mit');
    expect(data.repository.f1).toBeNull();
    expect(gh.violations()).toEqual([]);
  });

  it('refuses a query with a field GitHub does not have, and records the violation', async () => {
    const query = 'query StewardReadFile($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { stars } }';
    await expect(client(query, { owner: 'acme', name: 'models' })).rejects.toThrow(/Cannot query field "stars" on type "Repository"/);
    expect(gh.violations()).toMatchObject([{ kind: 'request', problems: [expect.stringContaining('stars')] }]);
  });

  it('refuses a query missing a required variable', async () => {
    const query = 'query StewardReadFile($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id } }';
    await expect(client(query, { owner: 'acme' })).rejects.toThrow(/\$name/);
    expect(gh.violations()).toHaveLength(1);
  });

  it('answers an operation it does not know with a GraphQL error, recorded as unanswered', async () => {
    const query = 'query Viewer { viewer { login } }';
    await expect(client(query)).rejects.toThrow(/does not answer the GraphQL operation "Viewer"/);
    expect(gh.violations()).toMatchObject([{ kind: 'unanswered', path: '/graphql' }]);
  });

  it('answers NOT_FOUND for a repository it does not have', async () => {
    const query = 'query StewardReadFile($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { object(expression: "HEAD:x") { ... on Blob { text } } } }';
    await expect(client(query, { owner: 'acme', name: 'nope' })).rejects.toThrow(/Could not resolve to a Repository/);
    expect(gh.violations()).toEqual([]);
  });
});
