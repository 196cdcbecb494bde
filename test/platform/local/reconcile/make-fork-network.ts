/**
 * A fork network on disk: an upstream repository, forks cloned from it at two points of its history
 * with planted states, and a clone of upstream with every fork added as a remote and fetched with
 * fetchForkRefs. Every repository is real git in a temporary folder.
 */
import { fetchForkRefs } from '../../../../src/platform/local/reconcile/fetch-fork-refs.js';
import { makeRepo, type TestRepo } from '../make-repo.js';

export const FORK_NAMES = ['ahead', 'behind', 'binary', 'conflict', 'diverged', 'malformed', 'newmodel'] as const;
export type ForkName = (typeof FORK_NAMES)[number];

export interface ForkNetwork {
  upstream: TestRepo;
  forks: Record<ForkName, TestRepo>;
  /** The clone of upstream that has every fork as a remote. */
  clone: TestRepo;
  /** Upstream's first commit (a at 1.0.0) and second (a at 1.1.0). */
  firstSha: string;
  secondSha: string;
  /** The commit each fork's `release` tag points at (only `behind` and `ahead` have one). */
  releaseTags: Record<'behind' | 'ahead', string>;
  cleanup(): void;
}

export const MALFORMED_YAML = 'id: a\nversion: [1.0.0\n';
export const CARD = '---\nlicense: mit\nbase_model: org/base\n---\n# Model A\n';

export function modelYml(id: string, version: string, sha: string, license = 'mit'): string {
  return `id: ${id}\nversion: ${version}\nlicense: ${license}\nfiles:\n  - path: weights.bin\n    sha256: ${sha.repeat(64).slice(0, 64)}\n`;
}

export async function makeForkNetwork(): Promise<ForkNetwork> {
  const repos: TestRepo[] = [];
  const track = (repo: TestRepo): TestRepo => (repos.push(repo), repo);
  const upstream = track(makeRepo());
  upstream.write('models/a/model.yml', modelYml('a', '1.0.0', 'a'));
  upstream.write('models/b/model.yml', modelYml('b', '1.0.0', 'b'));
  upstream.write('README.md', CARD);
  const firstSha = upstream.commit('first models');
  const early = plantEarlyForks(() => track(makeRepo({ cloneFrom: upstream.dir })));
  upstream.write('models/a/model.yml', modelYml('a', '1.1.0', 'b'));
  const secondSha = upstream.commit('a 1.1.0');
  const late = plantLateForks(() => track(makeRepo({ cloneFrom: upstream.dir })));
  const forks = { ...early, ...late };
  const releaseTags = { behind: tagRelease(forks.behind), ahead: tagRelease(forks.ahead) };
  const clone = track(makeRepo({ cloneFrom: upstream.dir }));
  for (const name of FORK_NAMES) {
    clone.git(['remote', 'add', name, forks[name].dir]);
    await fetchForkRefs(clone.dir, name);
  }
  return { upstream, forks, clone, firstSha, secondSha, releaseTags, cleanup: () => repos.forEach((r) => r.cleanup()) };
}

/** Forks taken from upstream's first commit. */
function plantEarlyForks(make: () => TestRepo): Record<'behind' | 'diverged' | 'malformed' | 'binary' | 'newmodel', TestRepo> {
  const behind = make();
  const diverged = make();
  diverged.write('models/a/model.yml', modelYml('a', '1.0.1', 'a', 'apache-2.0'));
  diverged.commit('relicense a');
  const malformed = make();
  malformed.write('models/a/model.yml', MALFORMED_YAML);
  malformed.commit('break a');
  const binary = make();
  binary.write('models/b/model.yml', Buffer.from([0x69, 0x64, 0x3a, 0x00, 0x01, 0x02]));
  binary.write('models/big/model.yml', `id: big\nnotes: ${'x'.repeat(1024 * 1024)}\n`);
  binary.commit('binary b, oversized big');
  const newmodel = make();
  newmodel.write('models/c/model.yml', modelYml('c', '0.1.0', 'c'));
  newmodel.commit('add c');
  return { behind, diverged, malformed, binary, newmodel };
}

/** Forks taken from upstream's second commit. */
function plantLateForks(make: () => TestRepo): Record<'ahead' | 'conflict', TestRepo> {
  const ahead = make();
  ahead.write('models/a/model.yml', modelYml('a', '1.2.0', 'd'));
  ahead.commit('a 1.2.0');
  const conflict = make();
  conflict.write('models/a/model.yml', modelYml('a', '1.1.0', 'e'));
  conflict.commit('a 1.1.0, other weights');
  return { ahead, conflict };
}

/** Tags HEAD "release" (the same tag name in two forks, on different commits). */
function tagRelease(fork: TestRepo): string {
  fork.git(['tag', 'release']);
  return fork.git(['rev-parse', 'HEAD']).trim();
}
