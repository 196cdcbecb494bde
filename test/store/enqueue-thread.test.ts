/** The thread that writes deliveries to a SQLite file: errors reported per group, restarts, close. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnqueueThread, type EnqueueThread, type ThreadRow } from '../../src/store/enqueue-thread.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/types.js';

const row = (id: string, over: Partial<ThreadRow> = {}): ThreadRow => ({
  id, name: 'pull_request', action: 'opened', work_key: 'o/r', payload: '{"n":1}', status: 'queued',
  next_attempt_at: '2026-01-01T00:00:00.000Z', received_at: '2026-01-01T00:00:00.000Z', ...over,
});

describe('SQLite delivery writer thread', () => {
  let dir: string;
  let path: string;
  let store: Store;
  let thread: EnqueueThread;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'steward-thread-'));
    path = join(dir, 'steward.sqlite');
    store = await openStore({ url: path });
    thread = createEnqueueThread(path);
  });
  afterEach(async () => {
    await thread.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a group in one go and says which rows were new', async () => {
    expect(await thread.insert([row('a'), row('b'), row('a')])).toEqual([true, true, false]);
    expect(await thread.insert([row('b'), row('c')])).toEqual([false, true]);
    // The store's own connection reads what the thread wrote.
    expect(await store.getDelivery('c')).toMatchObject({ id: 'c', status: 'queued', payload: { n: 1 } });
  });

  it('fails a group that cannot be written as a whole, names the file, and writes the next one', async () => {
    const broken = row('x', { name: null as unknown as string });
    await expect(thread.insert([row('ok-1'), broken])).rejects.toThrow(`Could not record the delivery in ${path}`);
    // Nothing of the failed group was kept: it was one transaction.
    expect(await store.getDelivery('ok-1')).toBeNull();
    expect(await thread.insert([row('ok-2')])).toEqual([true]);
  });

  it('reports a thread that could not start instead of hanging, and starts a new one for the next write', async () => {
    const emptyPath = join(dir, 'empty.sqlite');
    const other = createEnqueueThread(emptyPath);
    try {
      await expect(other.insert([row('z')])).rejects.toThrow(`Could not record the delivery in ${emptyPath}: no such table: deliveries`);
      const migrated = await openStore({ url: emptyPath });
      try {
        expect(await other.insert([row('z')])).toEqual([true]);
        expect(await migrated.getDelivery('z')).not.toBeNull();
      } finally {
        await migrated.close();
      }
    } finally {
      await other.close();
    }
  });

  it('refuses writes once closed', async () => {
    expect(await thread.insert([row('before')])).toEqual([true]);
    await thread.close();
    await expect(thread.insert([row('after')])).rejects.toThrow('The store is closed');
    expect(await store.getDelivery('before')).not.toBeNull();
    expect(await store.getDelivery('after')).toBeNull();
  });
});
