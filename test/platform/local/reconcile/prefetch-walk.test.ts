/**
 * The pipelined walk (prefetch-walk.ts, rounds of 128 names asked as soon as the round before
 * answers) gives readRemoteMetadata exactly what the level-by-level reader gives, on a network
 * large enough that refs, trees and blobs span several rounds, with the odd entries spread among them:
 * symbolic links, submodules, an oversized file, a binary file, a missing ref, an annotated tag.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readRemoteMetadata } from '../../../../src/platform/local/reconcile/read-remote-metadata.js';
import { readRemoteLegacy } from '../../../../src/platform/local/reconcile/read-remote-legacy.js';
import { METADATA_MAX_BYTES } from '../../../../src/platform/local/reconcile/read-entries.js';
import { openCatFileSession } from '../../../../src/platform/local/reconcile/cat-file-session.js';
import { prefetchWalk } from '../../../../src/platform/local/reconcile/prefetch-walk.js';
import { compileGlobs } from '../../../../src/engines/style/match-globs.js';
import { makeRepo, type TestRepo } from '../make-repo.js';

const REFS = 300;
const GLOBS = ['models/**/*.yml', '**/*.md', 'big.yml'];
let repo: TestRepo;
const file = (p: string, text: string): string => `M 644 inline "${p}"\ndata ${Buffer.byteLength(text)}\n${text}`;

/** Ref i: its own model file, a shared card; every 37th a link, every 41st a submodule, every 53rd the oversized file, every 59th a NUL. */
function importRefs(): void {
  const parts: string[] = [];
  const big = `id: big\nnote: ${'x'.repeat(METADATA_MAX_BYTES)}\n`;
  for (let i = 0; i < REFS; i++) {
    const files = [file(`models/m${i % 11}/model.yml`, `id: m${i % 11}\nversion: 1.${i}.0\n`), file('README.md', `# card ${i % 3}\n`), file(`docs/d${i % 5}/notes.txt`, 'not matched\n')];
    if (i % 37 === 0) files.push('M 120000 inline models/link/model.yml\ndata 9\nREADME.md');
    if (i % 41 === 0) files.push('M 160000 4b825dc642cb6eb9a060e54bf8d69288fbee4904 models/sub');
    if (i % 53 === 0) files.push(file('big.yml', big));
    if (i % 59 === 0) files.push(file('models/bin/model.yml', 'id: bin\0\n'));
    parts.push(`commit refs/remotes/f${i}/main`, `committer Ada Lovelace <ada@example.org> ${1700000000 + i} +0000`, 'data 2', 'c', ...files, '');
  }
  repo.git(['fast-import', '--quiet'], `${parts.join('\n')}\n`);
  repo.git(['tag', '-a', '-m', 'release', 'rel', 'refs/remotes/f7/main']);
}

beforeAll(() => {
  repo = makeRepo();
  importRefs();
}, 60_000);
afterAll(() => repo.cleanup());

describe('pipelined walk', () => {
  it(`reads ${REFS} refs exactly as the level-by-level reader does, each blob once`, async () => {
    const refs = [
      ...Array.from({ length: REFS }, (_, i) => ({ name: `f${i}`, ref: `refs/remotes/f${i}/main` })),
      { name: 'tag', ref: 'refs/tags/rel' }, { name: 'ghost', ref: 'refs/remotes/ghost/main' },
    ];
    const stats = { objectsRead: 0 };
    const read = await readRemoteMetadata(repo.dir, refs, GLOBS, stats);
    const legacyStats = { objectsRead: 0 };
    const legacy = await readRemoteLegacy(repo.dir, refs, GLOBS, (r, problem) => `${r.name}: cannot list ${r.ref} (${problem === 'missing' ? 'no such ref or commit in this clone' : `git answered "${problem}"`}); fetch the remote with \`git fetch ${r.name}\``, legacyStats);
    expect(read).toEqual(legacy);
    expect(stats.objectsRead).toBe(legacyStats.objectsRead);
    // 11 models x their versions are all distinct (300), 3 cards; the link, the submodule and big.yml are never read.
    expect(stats.objectsRead).toBe(REFS + 3 + 1);
    expect(read.get('f53')?.problems).toEqual([{ path: 'big.yml', problem: expect.stringMatching(/over the 1 MB limit/) }]);
    expect(read.get('f0')?.problems.map((p) => p.path).sort()).toEqual(['big.yml', 'models/bin/model.yml', 'models/link/model.yml']);
  }, 60_000);

  it('reads in the pipeline itself every blob the files need (the later rounds are only a safety net)', async () => {
    const session = openCatFileSession(repo.dir);
    const refs = Array.from({ length: REFS }, (_, i) => `refs/remotes/f${i}/main`);
    const pre = await prefetchWalk(session, refs, compileGlobs(GLOBS), METADATA_MAX_BYTES);
    await session.close();
    expect(pre.bodies.size).toBe(REFS + 3 + 1);
    expect([...pre.sizes.values()].filter((size) => size > METADATA_MAX_BYTES)).toHaveLength(1);
    expect(pre.trees.get('refs/remotes/f1/main')).toEqual({ tree: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });
});
