/** The dispatch queue: enqueue once, claim once across replicas, release, link, in-flight counts. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Store } from '../../src/store/types.js';
import { availableBackends, type Backend } from './backends.js';
import { at, entry, newRun } from './eval-fixtures.js';

describe.each(availableBackends())('evaluation queue on %s', (_name, makeBackend) => {
  let backend: Backend;
  let store: Store;
  let run: string;
  const dispatch = (id: string, seconds = 100) => ({ id, run, owner: 'Octo-Org', repo: 'Models', createdAt: at(seconds) });

  beforeEach(async () => {
    backend = makeBackend();
    store = await backend.open();
    run = (await store.createRun(newRun())).run.id;
  });
  afterEach(async () => {
    await store.close();
    await backend.cleanup();
  });

  it('queues a shard attempt once, however often it is enqueued, oldest first', async () => {
    const first = await store.enqueueShard(entry(run, 1, 1, { pool: 'gpu', avoid: ['cpu'], allowed: ['gpu'] }));
    expect(first.inserted).toBe(true);
    expect(await store.enqueueShard(entry(run, 1, 1, { cost: 999 }))).toEqual({ inserted: false, key: first.key });
    await store.enqueueShard(entry(run, 0, 1));
    const queue = await store.listQueue();
    expect(queue.map((e) => e.shard)).toEqual([0, 1]);
    expect(queue[1]).toEqual({ ...entry(run, 1, 1, { pool: 'gpu', avoid: ['cpu'], allowed: ['gpu'] }), key: first.key });
    expect(await store.listAttempts(run)).toHaveLength(2);
    expect((await store.listShards(run)).map((s) => [s.status, s.attempts])).toEqual([['queued', 1], ['queued', 1]]);
  });

  it('dispatches an entry once: the attempt records pool, dispatch and time, the dispatch its shards', async () => {
    const a = await store.enqueueShard(entry(run, 0));
    const b = await store.enqueueShard(entry(run, 1));
    const claimed = await store.claimForDispatch(dispatch('d1'), [{ key: b.key, pool: 'cpu' }, { key: a.key, pool: 'gpu' }]);
    expect(claimed.map((e) => e.key)).toEqual([b.key, a.key]);
    expect(await store.claimForDispatch(dispatch('d2'), [{ key: a.key, pool: 'cpu' }])).toEqual([]);
    expect(await store.getDispatch('d2')).toBeNull();
    expect(await store.listQueue()).toEqual([]);
    expect(await store.getDispatch('d1')).toEqual({
      id: 'd1', run, owner: 'Octo-Org', repo: 'Models', shards: [{ shard: 1, attempt: 1 }, { shard: 0, attempt: 1 }], workflowRunId: null, createdAt: at(100),
    });
    expect(await store.listAttempts(run)).toMatchObject([
      { shard: 0, attempt: 1, pool: 'gpu', status: 'dispatched', dispatchId: 'd1', dispatchedAt: at(100), workflowRunId: null },
      { shard: 1, attempt: 1, pool: 'cpu', status: 'dispatched', dispatchId: 'd1', dispatchedAt: at(100) },
    ]);
    expect((await store.listShards(run)).map((s) => [s.status, s.pool])).toEqual([['dispatched', 'gpu'], ['dispatched', 'cpu']]);
  });

  it('gives each entry to exactly one of two replicas claiming the same entries at once', async () => {
    const other = await backend.open();
    try {
      const shards = newRun().plan.shards.length;
      const keys: string[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        for (let shard = 0; shard < shards; shard++) keys.push((await store.enqueueShard(entry(run, shard, attempt))).key);
      }
      const picks = keys.map((key) => ({ key, pool: 'gpu' }));
      const claims = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).claimForDispatch(dispatch(`d${i}`), i % 3 ? picks : [...picks].reverse())),
      );
      const claimed = claims.flat().map((e) => e.key);
      expect(claimed.sort()).toEqual([...keys].sort());
      const dispatched = (await store.listAttempts(run)).filter((a) => a.status === 'dispatched');
      expect(dispatched).toHaveLength(keys.length);
      for (const [i, claim] of claims.entries()) {
        if (claim.length > 0) expect((await store.getDispatch(`d${i}`))?.shards).toHaveLength(claim.length);
      }
    } finally {
      await other.close();
    }
  });

  it('puts the attempts of a failed dispatch call back in the queue, claimable again', async () => {
    const a = await store.enqueueShard(entry(run, 0, 1, { pool: null }));
    await store.claimForDispatch(dispatch('d1'), [{ key: a.key, pool: 'gpu' }]);
    await store.releaseDispatch('d1');
    expect(await store.listQueue()).toMatchObject([{ key: a.key, pool: null }]);
    expect(await store.listAttempts(run)).toMatchObject([{ shard: 0, status: 'waiting', pool: null, dispatchId: null, dispatchedAt: null }]);
    expect((await store.listShards(run))[0]?.status).toBe('queued');
    expect(await store.claimForDispatch(dispatch('d2'), [{ key: a.key, pool: 'cpu' }])).toMatchObject([{ key: a.key }]);
    expect(await store.listAttempts(run)).toMatchObject([{ status: 'dispatched', pool: 'cpu', dispatchId: 'd2' }]);
  });

  it('links a dispatch to its workflow run and counts what holds runner capacity', async () => {
    const other = (await store.createRun(newRun({ owner: 'Other', repo: 'Repo' }))).run.id;
    const a = await store.enqueueShard(entry(run, 0));
    const b = await store.enqueueShard(entry(run, 1));
    const c = await store.enqueueShard(entry(other, 0, 1, { owner: 'Other', repo: 'Repo' }));
    await store.enqueueShard(entry(other, 1));
    await store.claimForDispatch(dispatch('d1'), [{ key: a.key, pool: 'gpu' }, { key: b.key, pool: 'cpu' }]);
    await store.claimForDispatch({ ...dispatch('d2'), run: other, owner: 'Other', repo: 'Repo' }, [{ key: c.key, pool: 'gpu' }]);
    await store.linkDispatch('d1', 12_345_678_901);
    expect(await store.findDispatchByWorkflowRun(12_345_678_901)).toMatchObject({ id: 'd1', workflowRunId: 12_345_678_901 });
    expect(await store.findDispatchByWorkflowRun(1)).toBeNull();
    expect(await store.listAttempts(run)).toMatchObject([{ status: 'running', workflowRunId: 12_345_678_901 }, { status: 'running' }]);
    expect((await store.listShards(run)).map((s) => s.status)).toEqual(['running', 'running']);
    expect(await store.countInFlight()).toEqual({ byPool: { gpu: 2, cpu: 1 }, byRepo: { 'octo-org/models': 2, 'other/repo': 1 } });
  });
});
