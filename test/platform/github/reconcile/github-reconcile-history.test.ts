import { afterEach, describe, expect, it } from '@jest/globals';
import { createGitHubReconcileReader } from '../../../../src/transports/github-reconcile-reader.js';
import { createMemoryMergeBases } from '../../../../src/transports/memory-reconcile-state.js';
import { basicError } from '../../../support/github-fixtures.js';
import type { MockGitHub } from '../../../support/mock-github.js';
import { mockGitHub, testOctokit } from '../setup.js';
import { oidOf } from './fake-network.js';
import { GLOBS, UPSTREAM_FILES, compareAnswer, makeTestNetwork, memoryCache, mockNetwork, mockUpstreamTree } from './network-fixtures.js';

let gh: MockGitHub | null = null;
afterEach(() => {
  gh?.done();
  gh = null;
});

const BASE = 'b'.repeat(40);
const options = () => ({ owner: 'acme', repo: 'models', globs: GLOBS, cache: memoryCache() });

describe('GitHub reconcile reader: merge bases and history', () => {
  it('asks compare once per fork with its own branch, and reads 404 as "no common ancestor"', async () => {
    const net = makeTestNetwork(10);
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 2 }), net)
      .rest('GET', '/repos/acme/models/compare/main...user7%3Adevelop', { query: { per_page: 1 } }, 200, compareAnswer(BASE))
      .rest('GET', '/repos/acme/models/compare/main...user5%3Amain', { query: { per_page: 1 } }, 404, basicError('No common ancestor between main and user5:main.', 404));
    const reader = createGitHubReconcileReader(testOctokit(), options());
    expect(await reader.mergeBase('user7/models')).toBe(BASE);
    expect(await reader.mergeBase('user7/models')).toBe(BASE);
    expect(await reader.mergeBase('user5/models')).toBeNull();
    expect(gh.requestCount()).toBe(2 + 2 + 2);
  });

  it('asks no compare for a pair of heads whose merge base the cache knows', async () => {
    const net = makeTestNetwork(10);
    gh = mockUpstreamTree(mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 2, StewardForkPage: 4 }), net), net)
      .rest('GET', '/repos/acme/models/compare/main...user7%3Adevelop', { query: { per_page: 1 } }, 200, compareAnswer(BASE));
    const mergeBases = createMemoryMergeBases();
    expect(await createGitHubReconcileReader(testOctokit(), { ...options(), mergeBases }).mergeBase('user7/models')).toBe(BASE);
    expect(await createGitHubReconcileReader(testOctokit(), { ...options(), mergeBases }).mergeBase('user7/models')).toBe(BASE);
    expect(gh.requests().filter((r) => r.path.includes('/compare/'))).toHaveLength(1);
  });

  it('reads files at a merge base through the cache, leaving out paths absent there', async () => {
    const net = makeTestNetwork(10);
    net.commits = { [BASE]: { 'models/a/model.yml': 'id: a\nversion: 0.9.0\n', 'models/b/model.yml': UPSTREAM_FILES['models/b/model.yml']! } };
    const cache = memoryCache();
    await cache.write([{ oid: oidOf(UPSTREAM_FILES['models/b/model.yml']!), text: 'cached b', problem: null }]);
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 2, StewardReadAt: 1, StewardBlobTexts: 1 }), net);
    const reader = createGitHubReconcileReader(testOctokit(), { ...options(), cache });
    const files = await reader.readAt(BASE, ['models/a/model.yml', 'models/b/model.yml', 'models/gone/model.yml']);
    expect(files).toEqual({
      files: [
        { path: 'models/a/model.yml', text: 'id: a\nversion: 0.9.0\n', blob: oidOf('id: a\nversion: 0.9.0\n'), kind: 'registry' },
        { path: 'models/b/model.yml', text: 'cached b', blob: oidOf(UPSTREAM_FILES['models/b/model.yml']!), kind: 'registry' },
      ],
      problems: [],
    });
  });

  it('knows every blob id upstream held at each path over its history', async () => {
    const net = makeTestNetwork(10);
    net.history = { 'models/a/model.yml': ['id: a\nversion: 1.0.0\n', 'id: a\nversion: 0.9.0\n'], 'x "q".yml': [] };
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 2, StewardUpstreamHistory: 1 }), net);
    const history = await createGitHubReconcileReader(testOctokit(), options()).upstreamHistory(['models/a/model.yml', 'x "q".yml']);
    expect(history).toEqual(new Map([
      ['models/a/model.yml', new Set([oidOf('id: a\nversion: 1.0.0\n'), oidOf('id: a\nversion: 0.9.0\n')])],
      ['x "q".yml', new Set()],
    ]));
  });
});

describe('GitHub reconcile reader: page size', () => {
  it('asks a page GitHub timed out on again with fewer forks', async () => {
    const net = makeTestNetwork(120);
    const seen: unknown[] = [];
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1 }), net)
      .graphql('query StewardForkPage', basicError('Something went wrong while executing your query. This may be the result of a timeout.', 502), { status: 502 });
    mockNetwork(gh, net, { StewardForkPage: 4 });
    const octokit = testOctokit();
    const client = { request: octokit.request, graphql: (q: string, v?: Record<string, unknown>) => (seen.push(v?.first), octokit.graphql(q, v)) };
    const reader = createGitHubReconcileReader(client, options());
    const listing = await reader.listNetwork();
    expect(listing.forks).toHaveLength(122);
    // upstream, the page that timed out, then upstream's 120 forks in 50s and user0's forks.
    expect(seen).toEqual([undefined, 100, 50, 50, 50, 50]);
  });

  it('says when GitHub truncated upstream\'s file list', async () => {
    const net = makeTestNetwork(0);
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardBlobTexts: 1 }), net, true);
    const files = await createGitHubReconcileReader(testOctokit(), options()).readRepositories(['acme/models'], GLOBS);
    expect(files.get('acme/models')!.problems).toEqual([{ path: '.', problem: expect.stringContaining('GitHub truncated upstream\'s file list') }]);
    expect(files.get('acme/models')!.files).toHaveLength(3);
  });
});

describe('GitHub reconcile reader: query size', () => {
  it('pages fewer forks at once when upstream has many paths to ask for, and keeps texts to one query per 100 blobs', async () => {
    const net = makeTestNetwork(30);
    const upstream = net.repos.get('acme/models')!;
    for (let i = 0; i < 120; i++) upstream.files[`models/m${i}/docs/README.md`] = `# card ${i}\n`;
    const seen: unknown[] = [];
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 3, StewardBlobTexts: 2 }), net);
    const octokit = testOctokit();
    const client = { request: octokit.request, graphql: (q: string, v?: Record<string, unknown>) => (seen.push(v?.first), octokit.graphql(q, v)) };
    const reader = createGitHubReconcileReader(client, options());
    await reader.listNetwork();
    const files = await reader.readRepositories(['acme/models', 'user5/models'], GLOBS);
    expect(seen.slice(1, 4)).toEqual([25, 25, 25]);
    expect(files.get('acme/models')!.files).toHaveLength(123);
    expect(files.get('user5/models')!.files).toHaveLength(4);
  });
});
