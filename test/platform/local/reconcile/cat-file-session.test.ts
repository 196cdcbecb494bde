import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { openCatFileSession } from '../../../../src/platform/local/reconcile/cat-file-session.js';
import { parseTreeObject } from '../../../../src/platform/local/reconcile/walk-trees.js';
import { propertyRuns } from '../../../support/property-runs.js';
import { makeRepo, type TestRepo } from '../make-repo.js';

let repo: TestRepo;
beforeAll(() => {
  repo = makeRepo();
});
afterAll(() => repo.cleanup());

const hashObject = (content: string | Buffer): string => repo.git(['hash-object', '-w', '--stdin'], content).trim();

describe('a cat-file session', () => {
  it('answers rounds of info and contents in order, bytes exact, with git\'s word for a missing name', async () => {
    const text = hashObject('id: a\nversion: 1.0.0\n');
    const binary = Buffer.from([0, 10, 13, 255, 10]);
    const bin = hashObject(binary);
    // Larger than a pipe's chunk, so one body arrives in pieces.
    const big = Buffer.alloc(300_000, 'x\n');
    const large = hashObject(big);
    const session = openCatFileSession(repo.dir);
    const contents = await session.ask('contents', [text, 'no-such-object', bin, large, text]);
    expect(contents.map((a) => ('body' in a ? a.body?.toString('latin1') : a.problem))).toEqual([
      'id: a\nversion: 1.0.0\n', 'missing', binary.toString('latin1'), big.toString('latin1'), 'id: a\nversion: 1.0.0\n',
    ]);
    expect(await session.ask('info', [large, 'HEAD:no such path'])).toEqual([
      { id: large, type: 'blob', size: 300_000, body: null },
      { problem: 'missing' },
    ]);
    await session.close();
  });

  it('starts no process when never asked', async () => {
    const session = openCatFileSession('/nonexistent-folder');
    expect(await session.ask('info', [])).toEqual([]);
    await expect(session.close()).resolves.toBeUndefined();
  });

  it('fails with git\'s message outside a repository', async () => {
    const session = openCatFileSession('/');
    await expect(session.ask('info', ['HEAD'])).rejects.toThrow(/not a git repository/);
    await expect(session.close()).rejects.toThrow(/not a git repository/);
  });
});

describe('parseTreeObject', () => {
  const name = fc.stringMatching(/^[a-zé 😀.:-]{1,12}$/).filter((n) => n !== '.' && n !== '..');
  it('lists what `git ls-tree` lists, for any names and modes', async () => {
    const blob = hashObject('x\n');
    const session = openCatFileSession(repo.dir);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(name, fc.constantFrom('100644', '100755', '120000')), { minLength: 1, maxLength: 6, selector: ([n]) => n }), async (files) => {
        const tree = repo.git(['mktree', '-z'], files.map(([n, mode]) => `${mode} blob ${blob}\t${n}\0`).join('')).trim();
        const [answer] = await session.ask('contents', [tree]);
        const listed = repo.git(['ls-tree', '-z', tree]).split('\0').filter(Boolean).map((line) => {
          const [meta, path] = line.split('\t');
          const [mode, , id] = meta!.split(' ');
          return { mode, name: path, id };
        });
        expect(parseTreeObject((answer as { body: Buffer }).body, 20)).toEqual(listed);
      }),
      propertyRuns(30),
    );
    await session.close();
  });
});
