/** How attempts end (first report wins, usage counted once), cancelling runs, usage and durations. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Store } from '../../src/store/types.js';
import { availableBackends, type Backend } from './backends.js';
import { at, entry, newRun, shardResult } from './eval-fixtures.js';

describe.each(availableBackends())('evaluation attempts on %s', (_name, makeBackend) => {
  let backend: Backend;
  let store: Store;
  let run: string;
  const end = (shard: number, attempt: number, status: 'succeeded' | 'failed' | 'cancelled', minutes = 12.5) => ({
    run, shard, attempt, status, result: status === 'succeeded' ? shardResult(shard, attempt) : null,
    error: status === 'failed' ? 'exit 1: CUDA out of memory' : null, minutes, at: at(600),
  });
  /** Enqueues and dispatches attempts; returns nothing, the store holds it all. */
  async function dispatchAll(id: string, picks: [number, number, string][], runId = run): Promise<void> {
    const keys = [];
    for (const [shard, attempt, pool] of picks) keys.push({ key: (await store.enqueueShard(entry(runId, shard, attempt))).key, pool });
    await store.claimForDispatch({ id, run: runId, owner: 'Octo-Org', repo: 'Models', createdAt: at(60) }, keys);
  }

  beforeEach(async () => {
    backend = makeBackend();
    store = await backend.open();
    run = (await store.createRun(newRun())).run.id;
  });
  afterEach(async () => {
    await store.close();
    await backend.cleanup();
  });

  it('records the first report of an attempt only, so redelivered completions count minutes once', async () => {
    await dispatchAll('d1', [[0, 1, 'gpu']]);
    expect(await store.finishAttempt(end(0, 1, 'succeeded', 12.5))).toEqual({ recorded: true });
    expect(await store.finishAttempt(end(0, 1, 'failed', 40))).toEqual({ recorded: false });
    expect(await store.usageSince(at(0))).toEqual({ byRepo: { 'octo-org/models': 12.5 }, byOrg: { 'octo-org': 12.5 } });
    expect((await store.listShards(run))[0]).toMatchObject({ status: 'succeeded', pool: 'gpu', result: shardResult(0, 1) });
    expect(await store.listAttempts(run)).toMatchObject([{ status: 'succeeded', finishedAt: at(600), error: null }]);
    expect(await store.finishAttempt({ ...end(1, 7, 'succeeded'), run })).toEqual({ recorded: false });
  });

  it('counts an attempt once when two replicas report it at the same moment', async () => {
    const other = await backend.open();
    try {
      await dispatchAll('d1', [[0, 1, 'gpu'], [1, 1, 'gpu']]);
      const reports = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).finishAttempt(end(i % 2, 1, 'succeeded', 10))));
      expect(reports.filter((r) => r.recorded)).toHaveLength(2);
      expect((await store.usageSince(at(0))).byRepo).toEqual({ 'octo-org/models': 20 });
    } finally {
      await other.close();
    }
  });

  it('lets a shard follow its retry: failed, then succeeded on the next attempt', async () => {
    await dispatchAll('d1', [[1, 1, 'gpu']]);
    await store.finishAttempt(end(1, 1, 'failed', 3));
    expect((await store.listShards(run))[1]).toMatchObject({ status: 'failed', attempts: 1, result: null });
    await dispatchAll('d2', [[1, 2, 'cpu']]);
    expect((await store.listShards(run))[1]).toMatchObject({ status: 'dispatched', attempts: 2, pool: 'cpu' });
    await store.finishAttempt(end(1, 2, 'succeeded', 4));
    expect((await store.listShards(run))[1]).toMatchObject({ status: 'succeeded', attempts: 2, result: shardResult(1, 2) });
    expect(await store.listAttempts(run)).toMatchObject([
      { shard: 1, attempt: 1, status: 'failed', error: 'exit 1: CUDA out of memory' },
      { shard: 1, attempt: 2, status: 'succeeded', pool: 'cpu' },
    ]);
    expect((await store.usageSince(at(0))).byOrg).toEqual({ 'octo-org': 7 });
  });

  it('cancels a run: its queue empties, open attempts stop, and it names the workflow runs to cancel', async () => {
    await dispatchAll('d1', [[0, 1, 'gpu']]);
    await dispatchAll('d2', [[1, 1, 'cpu']]);
    await dispatchAll('d3', [[0, 2, 'gpu']]);
    await store.enqueueShard(entry(run, 1, 2));
    const other = (await store.createRun(newRun({ suite: 'long' }))).run.id;
    await store.enqueueShard(entry(other, 0));
    await store.linkDispatch('d1', 9_000_000_001);
    await store.linkDispatch('d2', 9_000_000_002);
    await store.finishAttempt(end(1, 1, 'failed'));
    expect(await store.cancelRun(run, at(900))).toEqual({ workflowRunIds: [9_000_000_001] });
    expect((await store.listQueue()).map((e) => e.run)).toEqual([other]);
    expect((await store.listAttempts(run)).map((a) => [a.shard, a.attempt, a.status])).toEqual([
      [0, 1, 'cancelled'], [0, 2, 'cancelled'], [1, 1, 'failed'], [1, 2, 'cancelled'],
    ]);
    expect(await store.getRun(run)).toMatchObject({ status: 'cancelled', updatedAt: at(900) });
    expect(await store.countInFlight()).toEqual({ byPool: {}, byRepo: {} });
    expect((await store.createRun(newRun())).created).toBe(true);
  });

  it('sums usage since a date per repository and per owner, case-insensitively', async () => {
    const sibling = (await store.createRun(newRun({ owner: 'OCTO-ORG', repo: 'Tokenizers' }))).run.id;
    await dispatchAll('d1', [[0, 1, 'gpu']]);
    await dispatchAll('d2', [[0, 1, 'gpu']], sibling);
    await store.finishAttempt(end(0, 1, 'succeeded', 30.25));
    await store.finishAttempt({ ...end(0, 1, 'failed', 2), run: sibling });
    expect(await store.usageSince(at(0))).toEqual({
      byRepo: { 'octo-org/models': 30.25, 'octo-org/tokenizers': 2 }, byOrg: { 'octo-org': 32.25 },
    });
    expect(await store.usageSince(at(601))).toEqual({ byRepo: {}, byOrg: {} });
  });

  it('lists the newest piece durations of a suite first, up to the limit', async () => {
    const d = (task: string, seconds: number, when: number, suite = 'default') => ({ owner: 'Octo-Org', repo: 'Models', suite, task, samples: 100, seconds, at: at(when) });
    await store.recordPieceDurations([d('arc_easy', 51.5, 1), d('hellaswag', 80, 3), d('arc_easy', 49, 2), d('mmlu', 7, 9, 'long')]);
    await store.recordPieceDurations([]);
    const newest = await store.listPieceDurations('octo-org', 'MODELS', 'default', 2);
    expect(newest).toEqual([{ ...d('hellaswag', 80, 3), owner: 'octo-org', repo: 'models' }, { ...d('arc_easy', 49, 2), owner: 'octo-org', repo: 'models' }]);
    expect(await store.listPieceDurations('octo-org', 'models', 'default')).toHaveLength(3);
  });

  it('keeps scheduler cursors, the latest value winning', async () => {
    expect(await store.getCursor('round-robin')).toBeNull();
    await store.setCursor('round-robin', 'gpu');
    await store.setCursor('round-robin', 'cpu');
    expect(await store.getCursor('round-robin')).toBe('cpu');
  });
});
