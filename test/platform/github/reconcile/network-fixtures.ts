/** The test network of the GitHub reconcile reader: 250 forks with every odd case, an in-memory cache, and REST mocks. */
import type { BlobTextCache, CachedBlob } from '../../../../src/platform/reconcile-port.js';
import { restExample, withOverrides } from '../../../support/github-fixtures.js';
import type { MockGitHub } from '../../../support/mock-github.js';
import { answerNetwork, headOf, makeNetwork, oidOf, type FakeNetwork, type FakeRepo } from './fake-network.js';

export const GLOBS = ['models/*/model.yml', '**/README.md'];
export const UPSTREAM = 'acme/models';

export const UPSTREAM_FILES: Record<string, string> = {
  'models/a/model.yml': 'id: a\nversion: 1.0.0\n',
  'models/b/model.yml': 'id: b\nversion: 2.0.0\n',
  'models/a/docs/README.md': '---\nlicense: mit\n---\n# A\n',
  'docs/notes.txt': 'not metadata',
};

/** fork-0 has 2 forks; 1 gone; 2 private and forbidden; 3 binary; 4 truncated; 5 a new model; 6 empty; 7 changed; 8 a quoted path. */
export function makeTestNetwork(forkCount = 250): FakeNetwork {
  const forks: FakeRepo[] = Array.from({ length: forkCount }, (_, i) => ({ name: `user${i}/models`, files: { ...UPSTREAM_FILES }, forks: [] }));
  const spare: FakeRepo = { name: 'spare/models', files: {}, forks: [] };
  const at = (i: number) => forks[i] ?? { ...spare, files: {} }; // a smaller network lacks the odd case
  at(0).forks = forkCount > 0 ? ['sub0/models', 'sub1/models'] : [];
  at(1).state = 'gone';
  Object.assign(at(2), { state: 'forbidden', isPrivate: true });
  at(3).files['models/a/model.yml'] = { text: '\u0000\u0001binary', binary: true };
  at(4).files['models/b/model.yml'] = { text: 'id: b\nversion: 9.9.9\n# huge', truncated: true };
  at(5).files['models/c/model.yml'] = 'id: c\nversion: 0.1.0\n';
  at(6).state = 'empty';
  at(7).files['models/a/model.yml'] = 'id: a\nversion: 1.1.0\n';
  at(7).branch = 'develop';
  at(8).files['models/q"uote/model.yml'] = 'id: q\nversion: 1.0.0\n';
  const subs: FakeRepo[] = (forkCount > 0 ? [0, 1] : []).map((i) => ({ name: `sub${i}/models`, files: { ...UPSTREAM_FILES, 'models/s/model.yml': 'id: s\n' }, forks: [] }));
  const upstream: FakeRepo = { name: UPSTREAM, files: { ...UPSTREAM_FILES }, forks: forks.map((f) => f.name) };
  return makeNetwork(upstream, [...forks, ...subs]);
}

export function memoryCache(): BlobTextCache & { blobs: Map<string, CachedBlob>; readCalls: number } {
  const cache = {
    blobs: new Map<string, CachedBlob>(),
    readCalls: 0,
    async read(oids: readonly string[]) {
      cache.readCalls++;
      return new Map(oids.flatMap((o) => (cache.blobs.has(o) ? [[o, cache.blobs.get(o)!] as const] : [])));
    },
    async write(blobs: readonly CachedBlob[]) {
      for (const b of blobs) if (!cache.blobs.has(b.oid)) cache.blobs.set(b.oid, b);
    },
  };
  return cache;
}

/** GraphQL answered by the fake, `times` per operation (mock-github fails the test on any other count). */
export function mockNetwork(gh: MockGitHub, net: FakeNetwork, times: Record<string, number>): MockGitHub {
  for (const [operation, n] of Object.entries(times)) {
    if (n > 0) gh.graphql(`query ${operation}`, (variables, query) => answerNetwork(net, query, variables), { times: n });
  }
  return gh;
}

export function mockUpstreamTree(gh: MockGitHub, net: FakeNetwork, truncated = false): MockGitHub {
  const files = net.repos.get(net.upstream)!.files;
  const head = headOf(net.upstream);
  const tree = Object.entries(files).map(([path, f]) => {
    const text = typeof f === 'string' ? f : f.text;
    return { path, mode: '100644', type: 'blob', sha: oidOf(text), size: Buffer.byteLength(text), url: `https://api.github.com/repos/${net.upstream}/git/blobs/${oidOf(text)}` };
  });
  return gh.rest('GET', `/repos/${net.upstream}/git/trees/${head}`, { query: { recursive: 1 } }, 200, { sha: head, url: `https://api.github.com/repos/${net.upstream}/git/trees/${head}`, truncated, tree });
}

export function compareAnswer(mergeBase: string) {
  const example = restExample('GET', '/repos/{owner}/{repo}/compare/{basehead}');
  return withOverrides(example, { merge_base_commit: { sha: mergeBase } });
}
