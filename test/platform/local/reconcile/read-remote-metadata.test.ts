import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readAt } from '../../../../src/platform/local/reconcile/read-at.js';
import type { RefFiles } from '../../../../src/platform/local/reconcile/read-entries.js';
import { readRemoteMetadata } from '../../../../src/platform/local/reconcile/read-remote-metadata.js';
import { CARD, FORK_NAMES, makeForkNetwork, MALFORMED_YAML, modelYml, type ForkNetwork } from './make-fork-network.js';

const GLOBS = ['models/*/model.yml', 'README.md'];
let net: ForkNetwork;
let read: Map<string, RefFiles>;
const stats = { objectsRead: 0 };

beforeAll(async () => {
  net = await makeForkNetwork();
  const refs = [{ name: 'origin', ref: 'refs/remotes/origin/main' }, ...FORK_NAMES.map((name) => ({ name, ref: `refs/remotes/${name}/main` }))];
  read = await readRemoteMetadata(net.clone.dir, refs, GLOBS, stats);
}, 60_000);
afterAll(() => net.cleanup());

const textOf = (remote: string, path: string): string | undefined => read.get(remote)?.files.find((f) => f.path === path)?.text;
const pathsOf = (remote: string): string[] => (read.get(remote)?.files ?? []).map((f) => f.path).sort();

describe('readRemoteMetadata on a fork network', () => {
  it.each([
    ['origin', 'models/a/model.yml', modelYml('a', '1.1.0', 'b')],
    ['behind', 'models/a/model.yml', modelYml('a', '1.0.0', 'a')],
    ['ahead', 'models/a/model.yml', modelYml('a', '1.2.0', 'd')],
    ['conflict', 'models/a/model.yml', modelYml('a', '1.1.0', 'e')],
    ['diverged', 'models/a/model.yml', modelYml('a', '1.0.1', 'a', 'apache-2.0')],
    ['malformed', 'models/a/model.yml', MALFORMED_YAML],
    ['newmodel', 'models/c/model.yml', modelYml('c', '0.1.0', 'c')],
    ['origin', 'README.md', CARD],
  ])('%s: %s holds the text the fork committed', (remote, path, text) => {
    expect(textOf(remote, path)).toBe(text);
  });

  it('lists exactly the files matching the globs, with their kind and blob id', () => {
    expect(pathsOf('origin')).toEqual(['README.md', 'models/a/model.yml', 'models/b/model.yml']);
    expect(pathsOf('newmodel')).toEqual(['README.md', 'models/a/model.yml', 'models/b/model.yml', 'models/c/model.yml']);
    const files = read.get('origin')!.files;
    expect(files.find((f) => f.path === 'README.md')?.kind).toBe('card');
    expect(files.find((f) => f.path === 'models/b/model.yml')?.kind).toBe('registry');
    const blob = net.clone.git(['rev-parse', 'refs/remotes/origin/main:models/b/model.yml']).trim();
    expect(files.find((f) => f.path === 'models/b/model.yml')?.blob).toBe(blob);
  });

  it('reports a binary file and an oversized file as problems, without their text', () => {
    const binary = read.get('binary')!;
    expect(binary.files.map((f) => f.path)).not.toContain('models/b/model.yml');
    expect(binary.problems.map((p) => p.path).sort()).toEqual(['models/b/model.yml', 'models/big/model.yml']);
    expect(binary.problems.find((p) => p.path === 'models/b/model.yml')?.problem).toMatch(/binary/);
    expect(binary.problems.find((p) => p.path === 'models/big/model.yml')?.problem).toMatch(/over the 1 MB limit/);
  });

  it('reads each distinct blob once although forks share most files', () => {
    const all = [...read.values()].flatMap((r) => r.files);
    const distinct = new Set(all.map((f) => f.blob));
    expect(all.length).toBeGreaterThan(distinct.size * 2);
    // Plus the binary blob, read to find its NUL bytes; the oversized one is never read.
    expect(stats.objectsRead).toBe(distinct.size + 1);
  });

  it('reports a ref that cannot be listed as a problem of that remote only', async () => {
    const result = await readRemoteMetadata(net.clone.dir, [
      { name: 'ghost', ref: 'refs/remotes/ghost/main' },
      { name: 'behind', ref: 'refs/remotes/behind/main' },
    ], GLOBS);
    expect(result.get('ghost')?.problems[0]?.problem).toMatch(/ghost: cannot list refs\/remotes\/ghost\/main.*git fetch ghost/);
    expect(result.get('behind')?.files).toHaveLength(3);
  });
});

describe('readAt', () => {
  it('reads the named files at a commit and leaves out the absent ones', async () => {
    const base = await readAt(net.clone.dir, net.firstSha, ['models/a/model.yml', 'models/zzz/model.yml']);
    expect(base.files).toEqual([
      expect.objectContaining({ path: 'models/a/model.yml', text: modelYml('a', '1.0.0', 'a'), kind: 'registry' }),
    ]);
    expect(base.problems).toEqual([]);
  });
});
