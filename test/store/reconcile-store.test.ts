/** The reconcile store: the blob text cache (chunked reads and writes, first write wins, oversized
 *  texts kept as a problem) and the outputs a reconcile run published, on every backend. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { CachedBlob } from '../../src/platform/reconcile-port.js';
import type { ReconcileOutput } from '../../src/store/reconcile-types.js';
import type { Store } from '../../src/store/types.js';
import { availableBackends, type Backend } from './backends.js';

const oid = (n: number) => n.toString(16).padStart(40, '0');
const blob = (n: number, text: string | null = `name: model-${n}\n`): CachedBlob => ({ oid: oid(n), text, problem: text === null ? 'binary file' : null });
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const output = (kind: string, number: number, extra: Partial<ReconcileOutput> = {}): ReconcileOutput => ({
  repoKey: 'octo-org/models', kind, number, contentHash: null, updatedAt: '2026-11-01T10:00:00.000Z', ...extra,
});

describe.each(availableBackends())('reconcile store on %s', (_name, makeBackend) => {
  let backend: Backend;
  let store: Store;

  beforeEach(async () => {
    backend = makeBackend();
    store = await backend.open();
  });
  afterEach(async () => {
    await store.close();
    await backend.cleanup();
  });

  describe('merge-base cache', () => {
    it('answers undefined for an unknown pair, then the base or null (no shared history) as stored, first write winning', async () => {
      const pair = `${oid(1)}...${oid(2)}`;
      expect(await store.mergeBaseCache.readMergeBase(pair)).toBeUndefined();
      await Promise.all([store.mergeBaseCache.writeMergeBase(pair, oid(3)), store.mergeBaseCache.writeMergeBase(pair, oid(3))]);
      await store.mergeBaseCache.writeMergeBase(pair, oid(4));
      expect(await store.mergeBaseCache.readMergeBase(pair)).toBe(oid(3));
      await store.mergeBaseCache.writeMergeBase(`${oid(5)}...${oid(6)}`, null);
      expect(await store.mergeBaseCache.readMergeBase(`${oid(5)}...${oid(6)}`)).toBeNull();
    });
  });

  describe('blob cache', () => {
    it('returns written blobs as written, texts and problems, and leaves unknown ids out', async () => {
      const blobs = [blob(1, 'ünïcode ✓ 🚀\n'), blob(2, null), blob(3, '')];
      await store.blobCache.write(blobs);
      const found = await store.blobCache.read([oid(1), oid(2), oid(3), oid(99)]);
      expect([...found.values()].sort((a, b) => a.oid.localeCompare(b.oid))).toEqual(blobs);
      expect(found.has(oid(99))).toBe(false);
      expect(await store.blobCache.read([])).toEqual(new Map());
    });

    it('reads and writes 1,000 ids in one call', async () => {
      const ids = range(1, 1000);
      await store.blobCache.write(ids.map((n) => blob(n)));
      const found = await store.blobCache.read([...ids, ...range(5000, 1000)].map(oid));
      expect(found.size).toBe(1000);
      expect(found.get(oid(1000))).toEqual(blob(1000));
    });

    it('writes and reads more ids than one statement may bind (14,000 blobs: 70,000 values)', async () => {
      const ids = range(1, 14_000);
      await store.blobCache.write(ids.map((n) => blob(n, 'x')));
      expect((await store.blobCache.read(ids.map(oid))).size).toBe(14_000);
    });

    it('keeps the first text of an id written twice, in two calls or one', async () => {
      await store.blobCache.write([blob(1, 'first'), blob(2, 'first'), blob(2, 'second')]);
      await store.blobCache.write([blob(1, 'second')]);
      const found = await store.blobCache.read([oid(1), oid(2)]);
      expect([found.get(oid(1))?.text, found.get(oid(2))?.text]).toEqual(['first', 'first']);
    });

    it('lets two stores on one database write the same blobs at once, in opposite orders', async () => {
      const other = await backend.open();
      try {
        const ids = range(1, 600);
        await Promise.all([
          store.blobCache.write(ids.map((n) => blob(n))),
          other.blobCache.write([...ids].reverse().map((n) => blob(n))),
          other.blobCache.write([blob(1)]),
        ]);
        expect((await other.blobCache.read(ids.map(oid))).size).toBe(600);
      } finally {
        await other.close();
      }
    });

    it.each([
      ['a text of exactly 1 MiB is kept', 'a'.repeat(1024 * 1024), 'kept'],
      ['an ASCII text over 1 MiB is refused', 'a'.repeat(1024 * 1024 + 1), 'larger than 1 MB'],
      ['a text under 1 MiB in characters but over it in UTF-8 bytes is refused', 'é'.repeat(600_000), 'larger than 1 MB'],
      ['a text with a NUL byte is refused the same on every database', 'ab\u0000cd', 'binary file (it contains a NUL byte)'],
    ])('%s, and the blob is remembered either way', async (_case, text, expected) => {
      await store.blobCache.write([blob(7, text)]);
      const found = (await store.blobCache.read([oid(7)])).get(oid(7));
      expect(found).toEqual(expected === 'kept' ? blob(7, text) : { oid: oid(7), text: null, problem: expected });
    });
  });

  describe('outputs', () => {
    it('finds nothing before a run recorded anything', async () => {
      expect(await store.findReconcileOutput('octo-org/models', 'issue')).toBeNull();
      expect(await store.listReconcileOutputs('octo-org/models')).toEqual([]);
    });

    it('replaces the output of a repository and kind, and lists a repository\'s outputs by kind', async () => {
      await store.saveReconcileOutput(output('registry-pr', 4, { contentHash: 'aaa' }));
      await store.saveReconcileOutput(output('issue', 3));
      await store.saveReconcileOutput(output('fork-pr:bob/models', 1, { contentHash: 'bbb' }));
      await store.saveReconcileOutput(output('fork-pr:Alice/models', 2, { contentHash: 'ccc' }));
      await store.saveReconcileOutput({ ...output('issue', 9), repoKey: 'octo-org/other' });
      const replaced = output('registry-pr', 5, { contentHash: 'ddd', updatedAt: '2026-11-02T10:00:00.000Z' });
      await store.saveReconcileOutput(replaced);
      expect(await store.findReconcileOutput('octo-org/models', 'registry-pr')).toEqual(replaced);
      expect((await store.listReconcileOutputs('octo-org/models')).map((o) => [o.kind, o.number])).toEqual([
        ['fork-pr:Alice/models', 2], ['fork-pr:bob/models', 1], ['issue', 3], ['registry-pr', 5],
      ]);
    });

    it('treats repository names case-insensitively, as GitHub does', async () => {
      await store.saveReconcileOutput({ ...output('issue', 3), repoKey: 'Octo-Org/Models' });
      expect(await store.findReconcileOutput('OCTO-ORG/models', 'issue')).toEqual(output('issue', 3));
    });
  });

  it('keeps blobs and outputs when the database is opened again', async () => {
    await store.blobCache.write([blob(1)]);
    await store.saveReconcileOutput(output('issue', 3));
    await store.close();
    store = await backend.open();
    expect((await store.blobCache.read([oid(1)])).get(oid(1))).toEqual(blob(1));
    expect(await store.findReconcileOutput('octo-org/models', 'issue')).toEqual(output('issue', 3));
  });
});
