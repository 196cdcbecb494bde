/** Evaluation runs in the store, on SQLite and (with DATABASE_URL) PostgreSQL. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Store } from '../../src/store/types.js';
import { availableBackends, type Backend } from './backends.js';
import { CONFIG, PLAN, RESULT, SHA, T0, at, entry, newRun } from './eval-fixtures.js';

describe.each(availableBackends())('evaluation runs on %s', (_name, makeBackend) => {
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

  it('creates a run with its shards, and gives back plan, config and everything else unchanged', async () => {
    const { run, created } = await store.createRun(newRun());
    expect(created).toBe(true);
    expect(run.id).toMatch(/^r[0-9a-f]{12}$/);
    const stored = await store.getRun(run.id);
    expect(stored).toEqual({
      ...newRun(), id: run.id, status: 'queued', updatedAt: T0, result: null, checkRunId: null, commentId: null,
    });
    expect(stored?.plan).toEqual(PLAN);
    expect(stored?.config).toEqual(CONFIG);
    expect(await store.listShards(run.id)).toEqual([
      { run: run.id, shard: 0, status: 'queued', pool: null, cost: 120, attempts: 0, result: null },
      { run: run.id, shard: 1, status: 'queued', pool: 'gpu', cost: 110.5, attempts: 0, result: null },
    ]);
    expect(await store.getRun('r000000000000')).toBeNull();
  });

  it('returns the active run of the same repository, commit and suite instead of starting another', async () => {
    const first = await store.createRun(newRun());
    const again = await store.createRun(newRun({ owner: 'octo-org', repo: 'MODELS', trigger: 'label', createdAt: at(5) }));
    expect(again).toEqual({ run: first.run, created: false });
    const otherSuite = await store.createRun(newRun({ suite: 'long' }));
    const otherCommit = await store.createRun(newRun({ headSha: 'b'.repeat(40) }));
    expect([otherSuite.created, otherCommit.created]).toEqual([true, true]);
    expect(await store.listShards(first.run.id)).toHaveLength(2);
  });

  it('starts one run when two replicas create it at the same moment', async () => {
    const other = await backend.open();
    try {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).createRun(newRun({ createdAt: at(i) }))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.run.id)).size).toBe(1);
      expect(await store.listUnfinishedRuns()).toHaveLength(1);
      expect(await other.listShards(results[0]!.run.id)).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('evaluates the same commit again once the earlier run has finished', async () => {
    const first = await store.createRun(newRun());
    expect(await store.setRunStatus(first.run.id, ['queued', 'running'], 'completed', at(60))).toBe(true);
    const second = await store.createRun(newRun({ createdAt: at(90) }));
    expect(second.created).toBe(true);
    expect(second.run.id).not.toBe(first.run.id);
  });

  it('moves a run only from the statuses given, so a second replica learns it was already moved', async () => {
    const { run } = await store.createRun(newRun({ status: 'awaiting-approval' }));
    expect(await store.setRunStatus(run.id, ['queued'], 'running', at(1))).toBe(false);
    expect(await store.setRunStatus(run.id, ['awaiting-approval'], 'queued', at(2))).toBe(true);
    expect(await store.setRunStatus(run.id, ['awaiting-approval'], 'queued', at(3))).toBe(false);
    expect(await store.setRunStatus(run.id, [], 'failed', at(3))).toBe(false);
    expect(await store.getRun(run.id)).toMatchObject({ status: 'queued', updatedAt: at(2) });
  });

  it('keeps the result and the ids of the check run and comment (bigger than 32 bits)', async () => {
    const { run } = await store.createRun(newRun());
    await store.saveRunResult(run.id, RESULT, at(100));
    await store.setRunReport(run.id, { checkRunId: 31_234_567_890 });
    await store.setRunReport(run.id, { commentId: 2_712_345_678 });
    expect(await store.getRun(run.id)).toMatchObject({ result: RESULT, checkRunId: 31_234_567_890, commentId: 2_712_345_678, updatedAt: at(100) });
    await store.setRunReport(run.id, { commentId: null });
    expect(await store.getRun(run.id)).toMatchObject({ checkRunId: 31_234_567_890, commentId: null });
  });

  it('lists the active runs of a pull request newest first, leaving out finished ones and other PRs', async () => {
    const old = await store.createRun(newRun({ headSha: '1'.repeat(40), createdAt: at(1) }));
    const recent = await store.createRun(newRun({ headSha: '2'.repeat(40), createdAt: at(2) }));
    const done = await store.createRun(newRun({ headSha: '3'.repeat(40), createdAt: at(3) }));
    await store.createRun(newRun({ pr: 43, createdAt: at(4) }));
    await store.setRunStatus(done.run.id, ['queued'], 'cancelled', at(5));
    const active = await store.listActiveRuns('OCTO-ORG', 'models', 42);
    expect(active.map((r) => r.id)).toEqual([recent.run.id, old.run.id]);
  });

  it('finds the newest completed baseline of a suite, not a running one nor a pull request run', async () => {
    const base = { pr: null, baseline: true, headBranch: 'main', trigger: 'push', requestedBy: null };
    const older = await store.createRun(newRun({ ...base, headSha: '1'.repeat(40) }));
    const newer = await store.createRun(newRun({ ...base, headSha: '2'.repeat(40) }));
    await store.createRun(newRun({ ...base, headSha: '3'.repeat(40) }));
    const pr = await store.createRun(newRun());
    const otherSuite = await store.createRun(newRun({ ...base, suite: 'long' }));
    await store.setRunStatus(newer.run.id, ['queued'], 'completed', at(100));
    await store.setRunStatus(older.run.id, ['queued'], 'completed', at(200));
    await store.setRunStatus(pr.run.id, ['queued'], 'completed', at(300));
    await store.setRunStatus(otherSuite.run.id, ['queued'], 'completed', at(400));
    expect((await store.findBaseline('octo-org', 'MODELS', 'default'))?.id).toBe(older.run.id);
    expect(await store.findBaseline('octo-org', 'other', 'default')).toBeNull();
    expect(await store.findBaseline('octo-org', 'models', 'nightly')).toBeNull();
  });

  it('still has the unfinished runs and their queue after a restart', async () => {
    const waiting = await store.createRun(newRun({ status: 'awaiting-approval', createdAt: at(1) }));
    const queued = await store.createRun(newRun({ suite: 'long', createdAt: at(2) }));
    const done = await store.createRun(newRun({ suite: 'tiny', createdAt: at(0) }));
    await store.setRunStatus(done.run.id, ['queued'], 'completed', at(3));
    await store.enqueueShard(entry(queued.run.id, 0));
    await store.close();
    store = await backend.open();
    expect((await store.listUnfinishedRuns()).map((r) => [r.id, r.status])).toEqual([
      [waiting.run.id, 'awaiting-approval'],
      [queued.run.id, 'queued'],
    ]);
    expect(await store.listQueue()).toMatchObject([{ run: queued.run.id, shard: 0, attempt: 1 }]);
    expect((await store.getRun(queued.run.id))?.headSha).toBe(SHA);
  });
});
