import { afterEach, describe, expect, it } from '@jest/globals';
import { createGitHubReconcileReader } from '../../../../src/transports/github-reconcile-reader.js';
import { mockGitHub, testOctokit } from '../setup.js';
import type { MockGitHub } from '../../../support/mock-github.js';
import { oidOf } from './fake-network.js';
import { GLOBS, UPSTREAM, makeTestNetwork, memoryCache, mockNetwork, mockUpstreamTree } from './network-fixtures.js';

let gh: MockGitHub | null = null;
afterEach(() => {
  gh?.done();
  gh = null;
});

const forkNames = (n: number) => Array.from({ length: n }, (_, i) => `user${i}/models`);

describe('GitHub reconcile reader: discovery and texts', () => {
  it('lists 250 forks and their forks in 3 + 1 pages, skipping the unreadable ones with a reason', async () => {
    const net = makeTestNetwork();
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 4 }), net);
    const reader = createGitHubReconcileReader(testOctokit(), { owner: 'acme', repo: 'models', globs: GLOBS, cache: memoryCache() });
    const listing = await reader.listNetwork();
    expect(listing.upstream).toEqual({ name: UPSTREAM, ref: 'main' });
    expect(listing.forks).toHaveLength(252);
    expect(listing.forks.filter((f) => f.parent === 'user0/models').map((f) => f.name)).toEqual(['sub0/models', 'sub1/models']);
    const skipped = Object.fromEntries(listing.forks.filter((f) => f.skipped !== null).map((f) => [f.name, f.skipped]));
    expect(Object.keys(skipped).sort()).toEqual(['acme/models (unreadable fork 2)', 'user2/models', 'user6/models']);
    expect(skipped['acme/models (unreadable fork 2)']).toMatch(/deleted, or it is private.*install the App/);
    expect(skipped['user2/models']).toMatch(/private fork the Steward App cannot read.*Resource not accessible/);
    expect(skipped['user6/models']).toMatch(/empty.*push a branch/);
    expect(gh.requestCount()).toBe(2 + 3 + 1);
  });

  it('reads the forks of many small parents in one batched query, and pages on alone a parent with more', async () => {
    const net = makeTestNetwork(30);
    for (let i = 10; i < 20; i++) {
      const subs = [`deep${i}a/models`, `deep${i}b/models`];
      net.repos.get(`user${i}/models`)!.forks = subs;
      for (const name of subs) net.repos.set(name, { name, files: { 'models/a/model.yml': 'id: a\nversion: 1.0.0\n' }, forks: [] });
    }
    const big = Array.from({ length: 130 }, (_, i) => `wide${i}/models`);
    net.repos.get('user20/models')!.forks = big;
    for (const name of big) net.repos.set(name, { name, files: {}, forks: [] });
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 3, StewardForkBatch: 1 }), net);
    const listing = await createGitHubReconcileReader(testOctokit(), { owner: 'acme', repo: 'models', globs: GLOBS, cache: memoryCache() }).listNetwork();
    expect(listing.forks).toHaveLength(30 + 2 + 20 + 130);
    expect(listing.forks.filter((f) => f.parent === 'user15/models').map((f) => f.name)).toEqual(['deep15a/models', 'deep15b/models']);
    expect(listing.forks.filter((f) => f.parent === 'user20/models')).toHaveLength(130);
    // upstream, tree, 1 page of 30 direct forks, 1 batch (user0's 2, user10..19's 20), user20's 130 alone in 2 pages.
    expect(gh.requestCount()).toBe(2 + 1 + 1 + 2);
  });

  it('reads every distinct blob once, finds a fork-only model by listing, and reads no text on a second run', async () => {
    const net = makeTestNetwork();
    const cache = memoryCache();
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 2, StewardForkPage: 8, StewardBlobTexts: 1 }), net);
    mockUpstreamTree(gh, net);
    const names = [UPSTREAM, ...forkNames(250).filter((n) => !['user2/models', 'user6/models', 'user1/models'].includes(n)), 'sub0/models'];
    const first = createGitHubReconcileReader(testOctokit(), { owner: 'acme', repo: 'models', globs: GLOBS, cache });
    await first.listNetwork();
    const files = await first.readRepositories(names, GLOBS);
    expect(gh.requestCount()).toBe(2 + 4 + 1);
    expect(files.get(UPSTREAM)!.files.map((f) => [f.path, f.kind])).toEqual([
      ['models/a/docs/README.md', 'card'], ['models/a/model.yml', 'registry'], ['models/b/model.yml', 'registry'],
    ]);
    expect(files.get('user5/models')!.files.find((f) => f.path === 'models/c/model.yml')).toEqual({ path: 'models/c/model.yml', text: 'id: c\nversion: 0.1.0\n', blob: oidOf('id: c\nversion: 0.1.0\n'), kind: 'registry' });
    expect(files.get('user8/models')!.files.map((f) => f.path)).toContain('models/q"uote/model.yml');
    expect(files.get('sub0/models')!.files.map((f) => f.path)).toContain('models/s/model.yml');
    expect(files.get('user7/models')!.files.find((f) => f.path === 'models/a/model.yml')!.text).toBe('id: a\nversion: 1.1.0\n');
    expect(files.get('user3/models')!.problems).toEqual([{ path: 'models/a/model.yml', problem: expect.stringContaining('binary file') }]);
    expect(files.get('user4/models')!.problems).toEqual([{ path: 'models/b/model.yml', problem: expect.stringContaining('GitHub truncated it') }]);
    expect(files.get('user4/models')!.files.map((f) => f.path)).not.toContain('models/b/model.yml');
    expect([...cache.blobs.values()].filter((b) => b.text === null).map((b) => b.problem).sort()).toEqual(['GitHub truncated it: larger than it returns as text', 'binary file']);

    const second = createGitHubReconcileReader(testOctokit(), { owner: 'acme', repo: 'models', globs: GLOBS, cache });
    const again = await second.readRepositories(names, GLOBS);
    expect(net.log.filter((op) => op === 'StewardBlobTexts')).toHaveLength(1);
    expect(again.get('user7/models')).toEqual(files.get('user7/models'));
    expect(gh.requestCount()).toBe(2 * (2 + 4) + 1);
  });

  it('says when more forks exist than maxForks, without paging them', async () => {
    const net = makeTestNetwork();
    gh = mockUpstreamTree(mockNetwork(mockGitHub(), net, { StewardNetworkUpstream: 1, StewardForkPage: 2 }), net);
    const listing = await createGitHubReconcileReader(testOctokit(), { owner: 'acme', repo: 'models', globs: GLOBS, cache: memoryCache(), maxForks: 150 }).listNetwork();
    expect(listing.forks).toHaveLength(151);
    expect(listing.forks.at(-1)).toEqual({ name: 'acme/models (102 more forks)', parent: UPSTREAM, skipped: expect.stringContaining('raise maxForks') });
  });
});
