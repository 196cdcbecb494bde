import { afterEach, describe, expect, it } from '@jest/globals';
import { createLocalAdapter } from '../../../src/platform/local/create-local-adapter.js';
import { makeRepo, type TestRepo } from './make-repo.js';

const REF = { owner: 'local', repo: 'x', number: 0 };
const POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345678\n';
const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

function featureRepo(): TestRepo {
  const r = makeRepo();
  repos.push(r);
  r.write('README.md', '# model\n');
  r.write('notes.txt', 'one\ntwo\nthree\nfour\nfive\nsix\n');
  r.write('old.txt', 'gone\n');
  r.commit('chore: start');
  r.git(['checkout', '-q', '-b', 'feat/files']);
  return r;
}

async function files(r: TestRepo) {
  const adapter = await createLocalAdapter({ dir: r.dir });
  const { pr } = await adapter.loadPullRequest(REF, 'Steward / style');
  return new Map(pr.files.map((f) => [f.path, f]));
}

describe('createLocalAdapter: changed files', () => {
  it('reports status, line counts and renames', async () => {
    const r = featureRepo();
    r.git(['rm', '-q', 'notes.txt']);
    r.write('docs/notes.txt', 'one\ntwo\nthree\nfour\nfive\nsix\nseven\n');
    r.write('README.md', '# model card\n\nMore.\n');
    r.write('dir with space/ünïcode.txt', 'x\n');
    r.git(['rm', '-q', 'old.txt']);
    r.commit('feat: move things');
    const byPath = await files(r);
    expect(byPath.get('docs/notes.txt')).toMatchObject({ status: 'renamed', previousPath: 'notes.txt', additions: 1, deletions: 0, size: 34, lfsPointer: false });
    expect(byPath.get('README.md')).toMatchObject({ status: 'modified', additions: 3, deletions: 1, previousPath: null });
    expect(byPath.get('dir with space/ünïcode.txt')).toMatchObject({ status: 'added', additions: 1, size: 2 });
    expect(byPath.get('old.txt')).toEqual({ path: 'old.txt', previousPath: null, status: 'removed', additions: 0, deletions: 1, size: null, lfsPointer: null });
    expect(byPath.size).toBe(4);
  });

  it('counts binary files as 0 lines and gives the real size of a large blob', async () => {
    const r = featureRepo();
    const weights = Buffer.alloc(2 * 1024 * 1024, 0);
    weights.write('PK\u0003\u0004');
    r.write('model.bin', weights);
    r.commit('feat: weights');
    expect((await files(r)).get('model.bin')).toMatchObject({ status: 'added', additions: 0, deletions: 0, size: 2 * 1024 * 1024, lfsPointer: false });
  });

  it('recognises Git LFS pointers, but not look-alikes over 200 bytes or files that merely mention LFS', async () => {
    const r = featureRepo();
    r.write('.gitattributes', '*.safetensors filter=lfs diff=lfs merge=lfs -text\n');
    r.write('model.safetensors', POINTER);
    r.write('long.safetensors', `${POINTER}${'x'.repeat(200)}`);
    r.write('docs.md', `See ${POINTER}`);
    r.commit('feat: lfs');
    const byPath = await files(r);
    expect(byPath.get('model.safetensors')).toMatchObject({ lfsPointer: true, size: Buffer.byteLength(POINTER) });
    expect(byPath.get('long.safetensors')).toMatchObject({ lfsPointer: false });
    expect(byPath.get('docs.md')).toMatchObject({ lfsPointer: false });
    const adapter = await createLocalAdapter({ dir: r.dir });
    expect((await adapter.loadPullRequest(REF, 'x')).pr.gitattributes).toBe('*.safetensors filter=lfs diff=lfs merge=lfs -text\n');
  });

  it('gives both files a size when they share one blob', async () => {
    const r = featureRepo();
    r.write('a/config.json', '{}\n');
    r.write('b/config.json', '{}\n');
    r.commit('feat: configs');
    const byPath = await files(r);
    expect([byPath.get('a/config.json')?.size, byPath.get('b/config.json')?.size]).toEqual([3, 3]);
  });

  it('gives no .gitattributes when head has none', async () => {
    const r = featureRepo();
    r.commit('feat: empty');
    const adapter = await createLocalAdapter({ dir: r.dir });
    expect((await adapter.loadPullRequest(REF, 'x')).pr.gitattributes).toBeNull();
  });
});
