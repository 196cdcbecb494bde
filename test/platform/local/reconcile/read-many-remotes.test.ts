/**
 * Scale check: 200 remotes' metadata read from one clone. The time is printed, not asserted (machines
 * differ); what is asserted is that every remote is read and shared blobs are read once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readRemoteMetadata } from '../../../../src/platform/local/reconcile/read-remote-metadata.js';
import { makeRepo, type TestRepo } from '../make-repo.js';
import { modelYml } from './make-fork-network.js';

const REMOTES = 200;
const VARIANTS = 10;
let repo: TestRepo;

/** One root commit per remote in a single fast-import: a varies over 10 versions, b is shared. */
function importRemotes(): void {
  const parts: string[] = [];
  const file = (path: string, text: string): string => `M 644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}`;
  for (let i = 0; i < REMOTES; i++) {
    parts.push(`commit refs/remotes/f${i}/main`, `committer Ada Lovelace <ada@example.org> ${1700000000 + i} +0000`, 'data 5', `fork\n`,
      file('models/a/model.yml', modelYml('a', `1.${i % VARIANTS}.0`, 'a')), file('models/b/model.yml', modelYml('b', '1.0.0', 'b')),
      file('README.md', '---\nlicense: mit\n---\n'), '');
  }
  repo.git(['fast-import', '--quiet'], `${parts.join('\n')}\n`);
}

beforeAll(() => {
  repo = makeRepo();
  importRemotes();
}, 60_000);
afterAll(() => repo.cleanup());

describe('readRemoteMetadata at scale', () => {
  it(`reads ${REMOTES} remotes with one cat-file for ${VARIANTS + 2} distinct blobs`, async () => {
    const refs = Array.from({ length: REMOTES }, (_, i) => ({ name: `f${i}`, ref: `refs/remotes/f${i}/main` }));
    const stats = { objectsRead: 0 };
    const started = performance.now();
    const read = await readRemoteMetadata(repo.dir, refs, ['models/*/model.yml', '**/*.md'], stats);
    const ms = performance.now() - started;
    console.log(`readRemoteMetadata: ${REMOTES} remotes in ${ms.toFixed(0)} ms (${stats.objectsRead} blobs read)`);
    expect(read.size).toBe(REMOTES);
    expect(read.get('f13')?.files.find((f) => f.path === 'models/a/model.yml')?.text).toBe(modelYml('a', '1.3.0', 'a'));
    expect(stats.objectsRead).toBe(VARIANTS + 2);
  }, 60_000);
});
