/**
 * readRemoteMetadata lists every ref in one git process (counted with GIT_TRACE), four on a git
 * without `cat-file --batch-command`,
 * and the bulk listing keeps what one `ls-tree` per ref gave: odd paths, links, submodules, tags.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRemoteMetadata } from '../../../../src/platform/local/reconcile/read-remote-metadata.js';
import { makeRepo, type TestRepo } from '../make-repo.js';

const GLOBS = ['models/**/*.yml', '**/*.md'];
let repo: TestRepo;
const file = (p: string, text: string): string => `M 644 inline "${p}"\ndata ${Buffer.byteLength(text)}\n${text}`;

/** f<i>: models/m<i % 7>/model.yml; odd: UTF-8 and spaced paths, a link, a submodule; empty: no files. */
function importRefs(count: number): void {
  const parts: string[] = [];
  const commit = (ref: string, at: number, ...files: string[]): void => {
    parts.push(`commit ${ref}`, `committer Ada Lovelace <ada@example.org> ${1700000000 + at} +0000`, 'data 2', 'c', ...files, '');
  };
  for (let i = 0; i < count; i++) commit(`refs/remotes/f${i}/main`, i, file(`models/m${i % 7}/model.yml`, `id: m${i % 7}\nversion: 1.${i}.0\n`));
  commit('refs/remotes/odd/main', count,
    file('models/é ü/model.yml', 'id: é\n'), file('docs/a card.md', '# card\n'), file(':colon.md', '# colon\n'),
    'M 120000 inline models/link/model.yml\ndata 9\nREADME.md',
    'M 160000 4b825dc642cb6eb9a060e54bf8d69288fbee4904 models/sub');
  commit('refs/remotes/empty/main', count + 1);
  repo.git(['fast-import', '--quiet'], `${parts.join('\n')}\n`);
  repo.git(['tag', '-a', '-m', 'release', 'rel', 'refs/remotes/odd/main']);
}

/** The git processes one call starts, from GIT_TRACE's "built-in: git <command>" lines. */
async function countGitProcesses(task: () => Promise<unknown>): Promise<string[]> {
  const trace = path.join(repo.dir, '.git', 'trace.log');
  process.env.GIT_TRACE = trace;
  try {
    await task();
  } finally {
    delete process.env.GIT_TRACE;
  }
  const commands = readFileSync(trace, 'utf8').split('\n').flatMap((l) => l.match(/built-in: git (?:-c \S+ )*(\S+)/)?.[1] ?? []);
  rmSync(trace);
  return commands;
}

const forkRefs = (n: number): { name: string; ref: string }[] => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, ref: `refs/remotes/f${i}/main` }));

beforeAll(() => {
  repo = makeRepo();
  importRefs(120);
}, 60_000);
afterAll(() => repo.cleanup());

describe('readRemoteMetadata in bulk', () => {
  it.each([[3], [120]])('starts one git process for %i refs', async (n) => {
    const commands = await countGitProcesses(() => readRemoteMetadata(repo.dir, forkRefs(n), GLOBS));
    expect(commands).toEqual(['cat-file']);
  });

  it('reads UTF-8 and spaced paths, reports the link, skips the submodule, peels an annotated tag', async () => {
    const read = await readRemoteMetadata(repo.dir, [{ name: 'odd', ref: 'refs/remotes/odd/main' }, { name: 'tag', ref: 'refs/tags/rel' }], GLOBS);
    for (const name of ['odd', 'tag']) {
      const got = read.get(name)!;
      expect(got.files.map((f) => [f.path, f.text]).sort()).toEqual([[':colon.md', '# colon\n'], ['docs/a card.md', '# card\n'], ['models/é ü/model.yml', 'id: é\n']]);
      expect(got.problems).toEqual([{ path: 'models/link/model.yml', problem: expect.stringMatching(/symbolic link/) }]);
    }
  });

  it('gives a ref with no files an empty result and a missing ref a problem, without touching the others', async () => {
    const read = await readRemoteMetadata(repo.dir, [
      { name: 'empty', ref: 'refs/remotes/empty/main' }, { name: 'ghost', ref: 'refs/remotes/ghost/main' }, ...forkRefs(2),
    ], GLOBS);
    expect(read.get('empty')).toEqual({ files: [], problems: [] });
    expect(read.get('ghost')?.problems[0]?.problem).toMatch(/^ghost: cannot list refs\/remotes\/ghost\/main \(no such ref or commit in this clone\); fetch the remote with `git fetch ghost`$/);
    expect(read.get('f1')?.files).toEqual([{ path: 'models/m1/model.yml', text: 'id: m1\nversion: 1.1.0\n', blob: expect.any(String), kind: 'registry' }]);
  });

  it('falls back to four processes, with the same files, on a git older than 2.36', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'old-git-'));
    const realGit = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
    // What git 2.34 answers: it has no --batch-command.
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nfor a in "$@"; do [ "$a" = --batch-command ] && { echo "error: unknown option \\\`batch-command'" >&2; exit 129; }; done\nexec "${realGit}" "$@"\n`);
    chmodSync(path.join(bin, 'git'), 0o755);
    const refs = [{ name: 'odd', ref: 'refs/remotes/odd/main' }, { name: 'ghost', ref: 'refs/remotes/ghost/main' }, ...forkRefs(5)];
    const expected = await readRemoteMetadata(repo.dir, refs, GLOBS);
    const savedPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
    try {
      let old: unknown;
      const commands = await countGitProcesses(async () => (old = await readRemoteMetadata(repo.dir, refs, GLOBS)));
      expect(commands).toEqual(['cat-file', 'diff-tree', 'cat-file', 'cat-file']);
      expect(old).toEqual(expected);
    } finally {
      process.env.PATH = savedPath;
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
