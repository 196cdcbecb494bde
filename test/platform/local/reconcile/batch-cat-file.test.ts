import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { batchCatFile, parseBatch } from '../../../../src/platform/local/reconcile/batch-cat-file.js';
import { propertyRuns } from '../../../support/property-runs.js';
import { makeRepo, type TestRepo } from '../make-repo.js';

let repo: TestRepo;
beforeAll(() => {
  repo = makeRepo();
});
afterAll(() => repo.cleanup());

const hashObject = (content: string | Buffer): string => repo.git(['hash-object', '-w', '--stdin'], content).trim();

describe('batchCatFile', () => {
  it('reads a blob named many times once, and leaves out ids git does not have', async () => {
    const yml = hashObject('id: a\nversion: 1.0.0\n');
    const bin = hashObject(Buffer.from([0, 10, 13, 255]));
    const missing = '0123456789012345678901234567890123456789';
    const read = await batchCatFile(repo.dir, [yml, bin, yml, missing, yml, bin]);
    expect(read.objectsRead).toBe(2);
    expect(read.bodies.get(yml)?.toString('utf8')).toBe('id: a\nversion: 1.0.0\n');
    expect(read.bodies.get(bin)).toEqual(Buffer.from([0, 10, 13, 255]));
    expect(read.bodies.has(missing)).toBe(false);
  });

  it('reads nothing and starts no process for no ids', async () => {
    expect(await batchCatFile('/nonexistent-folder', [])).toEqual({ bodies: new Map(), objectsRead: 0 });
  });

  it('splits any sequence of bodies back exactly, whatever bytes they hold', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), (bodies) => {
        const ids = bodies.map((_, i) => String(i).padStart(40, '0'));
        const output = Buffer.concat(bodies.flatMap((b, i) => [Buffer.from(`${ids[i]} blob ${b.length}\n`), Buffer.from(b), Buffer.from('\n')]));
        const parsed = parseBatch(output);
        expect(parsed.objectsRead).toBe(bodies.length);
        bodies.forEach((b, i) => expect(parsed.bodies.get(ids[i]!)).toEqual(Buffer.from(b)));
      }),
      propertyRuns(100),
    );
  });
});
