/**
 * readRemoteMetadata reads each ref's commit with `contents <ref>` and takes its "tree" line
 * (prefetch-walk.ts) instead of asking git for `<ref>^{tree}`. Whatever a ref name points at, and
 * however ambiguous the name, the files read must be those of the commit git itself resolves the
 * name to (`git rev-parse <name>^{tree}`), and what cannot be read must say so as before.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CatFileAnswer } from '../../../../src/platform/local/reconcile/cat-file-session.js';
import { treeNamed } from '../../../../src/platform/local/reconcile/peel-refs.js';
import { readRemoteLegacy } from '../../../../src/platform/local/reconcile/read-remote-legacy.js';
import { readRemoteMetadata } from '../../../../src/platform/local/reconcile/read-remote-metadata.js';
import { makeRepo, type TestRepo } from '../make-repo.js';

const GLOBS = ['model.yml'];
let repo: TestRepo;

/** A commit on `ref` whose model.yml says `id: <label>`, so a test sees which commit was read. */
function commitOn(ref: string, label: string): void {
  const text = `id: ${label}\n`;
  repo.git(['fast-import', '--quiet'], `commit ${ref}\ncommitter Ada Lovelace <ada@example.org> 1700000000 +0000\ndata 2\nc\nM 644 inline model.yml\ndata ${text.length}\n${text}\n`);
}

beforeAll(() => {
  repo = makeRepo();
  commitOn('refs/heads/main', 'local-main');
  commitOn('refs/tags/main', 'tag-main'); // a tag named like the branch: git prefers refs/tags/ for "main"
  commitOn('refs/remotes/heads/main', 'remote-heads'); // a remote named "heads"
  commitOn('refs/remotes/refs/heads/main', 'remote-refs'); // a remote named "refs": refs/remotes/refs/heads/main
  commitOn('refs/remotes/f1/main', 'f1');
  commitOn('refs/tags/refs/remotes/f1/main', 'tag-shadow'); // refs/tags/<the fork's full ref name>
  commitOn('refs/remotes/f2/HEAD', 'f2-head');
  repo.git(['tag', '-a', '-m', 'annotated', 'rel', 'refs/remotes/f1/main']);
  repo.git(['tag', '-a', '-m', 'tag of a tag', 'rel2', 'rel']);
  const tree = repo.git(['rev-parse', 'refs/remotes/f1/main^{tree}']).trim();
  const blob = repo.git(['rev-parse', 'refs/remotes/f1/main:model.yml']).trim();
  repo.git(['update-ref', 'refs/tags/a-tree', tree]);
  repo.git(['update-ref', 'refs/tags/a-blob', blob]);
}, 30_000);
afterAll(() => repo.cleanup());

const NAMES = [
  'main', 'refs/heads/main', 'heads/main', 'tags/main', 'refs/tags/main', 'refs/remotes/heads/main', 'remotes/heads/main',
  'refs/remotes/refs/heads/main', 'refs/remotes/f1/main', 'f1/main', 'f2', 'refs/tags/refs/remotes/f1/main',
  'rel', 'refs/tags/rel2', 'a-tree', 'HEAD', 'main~0', 'refs/remotes/f1/main^{commit}',
];

describe('each ref name reads the commit git resolves it to', () => {
  it.each(NAMES)('%s', async (ref) => {
    const read = await readRemoteMetadata(repo.dir, [{ name: 'r', ref }], GLOBS);
    const expected = repo.git(['show', `${repo.git(['rev-parse', `${ref}^{tree}`]).trim()}:model.yml`]);
    expect(read.get('r')).toEqual({ files: [expect.objectContaining({ path: 'model.yml', text: expected })], problems: [] });
  });

  it('reads ambiguous names as git does: the tag before the branch, the full name before refs/tags/<name>', async () => {
    const refs = [['main', 'tag-main'], ['refs/heads/main', 'local-main'], ['heads/main', 'local-main'], ['remotes/heads/main', 'remote-heads'],
      ['refs/remotes/f1/main', 'f1'], ['refs/remotes/refs/heads/main', 'remote-refs']];
    const read = await readRemoteMetadata(repo.dir, refs.map(([ref], i) => ({ name: `r${i}`, ref: ref! })), GLOBS);
    expect(refs.map((_, i) => read.get(`r${i}`)?.files[0]?.text)).toEqual(refs.map(([, label]) => `id: ${label}\n`));
  });

  it('answers as the rev-parse-style reader does for every name at once, including those that cannot be read', async () => {
    const refs = [...NAMES, 'a-blob', 'no/such/ref', 'refs/remotes/ghost/main'].map((ref, i) => ({ name: `r${i}`, ref }));
    const cannot = (r: { name: string; ref: string }, problem: string): string => `${r.name}: cannot list ${r.ref} (${problem === 'missing' ? 'no such ref or commit in this clone' : `git answered "${problem}"`}); fetch the remote with \`git fetch ${r.name}\``;
    const read = await readRemoteMetadata(repo.dir, refs, GLOBS);
    expect(read).toEqual(await readRemoteLegacy(repo.dir, refs, GLOBS, cannot));
    expect(read.get(`r${NAMES.length}`)?.problems).toEqual([{ path: '', problem: expect.stringContaining('no such ref or commit in this clone') }]);
  });
});

describe('treeNamed', () => {
  const TREE = 'a'.repeat(40);
  const answer = (type: string, body: string | null, id = 'b'.repeat(40)): CatFileAnswer => ({ id, type, size: body?.length ?? 0, body: body === null ? null : Buffer.from(body) });
  it.each<[string, CatFileAnswer, string | null]>([
    ['a commit: its tree line', answer('commit', `tree ${TREE}\nparent ${'c'.repeat(40)}\n\nmsg\n`), TREE],
    ['a tree: itself', answer('tree', '', TREE), TREE],
    ['an annotated tag: left to git to peel', answer('tag', `object ${TREE}\ntype commit\n`), null],
    ['a blob', answer('blob', `tree ${TREE}\n`), null],
    ['a commit whose first line is not a tree', answer('commit', `parent ${TREE}\n`), null],
    ['a tree id of the wrong length', answer('commit', `tree ${TREE}ab\n`), null],
    ['git has no such object', { problem: 'missing' }, null],
  ])('%s', (_, given, tree) => {
    expect(treeNamed(given)).toBe(tree);
  });
});
