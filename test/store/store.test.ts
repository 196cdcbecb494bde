import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Store } from '../../src/store/types.js';
import { availableBackends, type Backend } from './backends.js';

const T0 = new Date('2025-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const pr = (n: number) => ({ action: 'opened', number: n, pull_request: { title: `feat: ünïcode ✓ ${n}` } });

describe.each(availableBackends())('store on %s', (_name, makeBackend) => {
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

  describe('deliveries', () => {
    it('records a delivery id once, however often GitHub sends it', async () => {
      expect(await store.enqueueDelivery({ id: 'd-1', name: 'pull_request', payload: pr(1), receivedAt: T0 })).toEqual({ inserted: true });
      expect(await store.enqueueDelivery({ id: 'd-1', name: 'pull_request', payload: pr(2), receivedAt: at(5) })).toEqual({ inserted: false });
      const first = await store.claimNext('w1', at(10));
      expect(first).toMatchObject({ id: 'd-1', name: 'pull_request', action: 'opened', status: 'working', attempts: 1, lockedBy: 'w1' });
      expect(first?.payload).toEqual(pr(1));
      expect(await store.claimNext('w1', at(10))).toBeNull();
    });

    it('hands out due deliveries oldest first, and none before they are due', async () => {
      await store.enqueueDelivery({ id: 'late', name: 'check_suite', payload: {}, receivedAt: at(60) });
      await store.enqueueDelivery({ id: 'early', name: 'pull_request', payload: pr(1), receivedAt: T0 });
      expect((await store.claimNext('w', at(30)))?.id).toBe('early');
      expect(await store.claimNext('w', at(30))).toBeNull();
      expect((await store.claimNext('w', at(60)))?.id).toBe('late');
    });

    it('returns a failed attempt to the queue at the retry time, then gives up when told to', async () => {
      await store.enqueueDelivery({ id: 'd', name: 'pull_request', payload: pr(1), receivedAt: T0 });
      await store.claimNext('w', T0);
      await store.fail('d', 'GitHub answered 502', at(30));
      expect(await store.getDelivery('d')).toMatchObject({ status: 'queued', lastError: 'GitHub answered 502', lockedBy: null });
      expect(await store.claimNext('w', at(29))).toBeNull();
      expect(await store.claimNext('w', at(30))).toMatchObject({ id: 'd', attempts: 2 });
      await store.fail('d', 'GitHub answered 502 again', null);
      expect(await store.getDelivery('d')).toMatchObject({ status: 'failed', attempts: 2, lastError: 'GitHub answered 502 again' });
      expect(await store.claimNext('w', at(100_000))).toBeNull();
    });

    it('never hands out a completed delivery again', async () => {
      await store.enqueueDelivery({ id: 'd', name: 'pull_request', payload: pr(1), receivedAt: T0 });
      await store.claimNext('w', T0);
      await store.complete('d');
      expect(await store.getDelivery('d')).toMatchObject({ status: 'done', lockedBy: null, lockUntil: null });
      expect(await store.claimNext('w', at(100_000))).toBeNull();
      expect(await store.enqueueDelivery({ id: 'd', name: 'pull_request', payload: pr(1), receivedAt: at(9) })).toEqual({ inserted: false });
      expect(await store.claimNext('w', at(100_000))).toBeNull();
    });

    it('gives the delivery of a worker that died to another worker once its lease runs out', async () => {
      await store.enqueueDelivery({ id: 'd', name: 'pull_request', payload: pr(1), receivedAt: T0 });
      expect(await store.claimNext('dead', T0, 60_000)).toMatchObject({ lockUntil: at(60) });
      expect(await store.claimNext('alive', at(59))).toBeNull();
      expect(await store.claimNext('alive', at(60))).toMatchObject({ id: 'd', lockedBy: 'alive', attempts: 2 });
    });

    it('keeps a delivery with the worker that renews its lease, and only with that worker', async () => {
      await store.enqueueDelivery({ id: 'd', name: 'pull_request', payload: pr(1), receivedAt: T0 });
      await store.claimNext('busy', T0, 60_000);
      expect(await store.renewLease('d', 'busy', at(110))).toBe(true);
      expect(await store.renewLease('d', 'someone-else', at(500))).toBe(false);
      expect(await store.claimNext('other', at(100))).toBeNull();
      expect(await store.getDelivery('d')).toMatchObject({ lockedBy: 'busy', lockUntil: at(110) });
      await store.complete('d');
      expect(await store.renewLease('d', 'busy', at(200))).toBe(false);
    });

    it('gives each delivery to exactly one of several replicas claiming at once', async () => {
      const other = await backend.open();
      try {
        for (let i = 0; i < 12; i++) {
          await store.enqueueDelivery({ id: `d-${i}`, name: 'pull_request', payload: pr(i), receivedAt: at(i) });
        }
        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).claimNext(`w-${i}`, at(100))),
        );
        const ids = claims.filter((c) => c !== null).map((c) => c!.id);
        expect(ids.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `d-${i}`).sort());
      } finally {
        await other.close();
      }
    });

    it('works one delivery per key at a time, other keys meanwhile', async () => {
      await store.enqueueDelivery({ id: 'a1', name: 'pull_request', payload: pr(1), receivedAt: T0, key: 'o/a' });
      await store.enqueueDelivery({ id: 'a2', name: 'check_suite', payload: {}, receivedAt: at(1), key: 'o/a' });
      await store.enqueueDelivery({ id: 'b1', name: 'pull_request', payload: pr(2), receivedAt: at(2), key: 'o/b' });
      expect(await store.claimNext('w1', at(10), 60_000)).toMatchObject({ id: 'a1', key: 'o/a' });
      expect(await store.claimNext('w2', at(10))).toMatchObject({ id: 'b1' });
      expect(await store.claimNext('w3', at(10))).toBeNull();
      await store.complete('a1');
      expect(await store.claimNext('w3', at(11))).toMatchObject({ id: 'a2' });
    });

    it('lets the next delivery of a key go once the holder\'s lease ran out', async () => {
      await store.enqueueDelivery({ id: 'a1', name: 'pull_request', payload: pr(1), receivedAt: T0, key: 'o/a' });
      await store.enqueueDelivery({ id: 'a2', name: 'pull_request', payload: pr(1), receivedAt: at(1), key: 'o/a' });
      await store.claimNext('dead', T0, 60_000);
      expect(await store.claimNext('w', at(59))).toBeNull();
      expect((await store.claimNext('w', at(60)))?.id).toBe('a1');
    });

    it('never gives two replicas deliveries of the same key at once', async () => {
      const other = await backend.open();
      try {
        for (let i = 0; i < 6; i++) {
          await store.enqueueDelivery({ id: `d-${i}`, name: 'pull_request', payload: pr(i), receivedAt: at(i), key: `o/r${i % 3}` });
        }
        const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).claimNext(`w-${i}`, at(100))));
        const keys = claims.filter((c) => c !== null).map((c) => c!.key);
        expect(keys.sort()).toEqual(['o/r0', 'o/r1', 'o/r2']);
      } finally {
        await other.close();
      }
    });

    it('records a burst of deliveries at once: each id once, a repeat within the burst not again', async () => {
      const ids = Array.from({ length: 300 }, (_, i) => `b-${i}`);
      const sent = [...ids, ...ids.slice(0, 20)];
      const results = await Promise.all(sent.map((id, i) =>
        store.enqueueDelivery({ id, name: 'pull_request', payload: pr(i), receivedAt: at(i), key: `o/r${i % 7}` })));
      expect(results.slice(0, 300).every((r) => r.inserted)).toBe(true);
      expect(results.slice(300).every((r) => !r.inserted)).toBe(true);
      // The first send of a repeated id is the one kept.
      expect(await store.getDelivery('b-3')).toMatchObject({ payload: pr(3), key: 'o/r3', receivedAt: at(3) });
      let claimed = 0;
      for (let c = await store.claimNext('w', at(1000)); c; c = await store.claimNext('w', at(1000))) {
        claimed++;
        await store.complete(c.id);
      }
      expect(claimed).toBe(300);
    });

    it('records deliveries while a worker claims and completes others', async () => {
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.enqueueDelivery({ id: `a-${i}`, name: 'pull_request', payload: pr(i), receivedAt: T0 })));
      const work = (async () => {
        let done = 0;
        for (let c = await store.claimNext('w', at(10)); c; c = await store.claimNext('w', at(10))) done += (await store.complete(c.id), 1);
        return done;
      })();
      const more = await Promise.all(Array.from({ length: 200 }, (_, i) => store.enqueueDelivery({ id: `m-${i}`, name: 'push', payload: {}, receivedAt: at(20) })));
      expect(more.every((r) => r.inserted)).toBe(true);
      expect(await work).toBeGreaterThanOrEqual(40);
      expect(await store.getDelivery('m-199')).toMatchObject({ status: 'queued', name: 'push' });
    });

    it('keeps queued deliveries across a restart', async () => {
      await store.enqueueDelivery({ id: 'd', name: 'pull_request', payload: pr(7), receivedAt: T0 });
      await store.close();
      store = await backend.open();
      expect(await store.claimNext('w', T0)).toMatchObject({ id: 'd', payload: pr(7) });
    });

    it('prunes only finished deliveries older than the cut-off', async () => {
      for (const id of ['old-done', 'old-failed', 'old-queued', 'new-done']) {
        await store.enqueueDelivery({ id, name: 'pull_request', payload: {}, receivedAt: id.startsWith('old') ? T0 : at(3600) });
      }
      await store.complete('old-done');
      await store.fail('old-failed', 'boom', null);
      await store.complete('new-done');
      expect(await store.pruneDeliveries(at(60))).toBe(2);
      expect(await store.getDelivery('old-done')).toBeNull();
      expect(await store.getDelivery('old-queued')).toMatchObject({ status: 'queued' });
      expect(await store.getDelivery('new-done')).toMatchObject({ status: 'done' });
    });
  });

  describe('write pace', () => {
    // A long gap, so that the milliseconds the test itself takes cannot blur the slots.
    const GAP = 60_000;
    const near = (ms: number, expected: number) => expect(Math.abs(ms - expected)).toBeLessThan(5_000);

    it('gives the first write of an installation its slot at once, and each next one the gap later', async () => {
      expect(await store.reserveWriteSlot(7, GAP)).toBe(0);
      near(await store.reserveWriteSlot(7, GAP), GAP);
      near(await store.reserveWriteSlot(7, GAP), 2 * GAP);
      // Another installation has a pace of its own.
      expect(await store.reserveWriteSlot(8, GAP)).toBe(0);
    });

    it('shares the pace between two processes on one database', async () => {
      const other = await backend.open();
      try {
        const waits = await Promise.all([store.reserveWriteSlot(9, GAP), other.reserveWriteSlot(9, GAP), other.reserveWriteSlot(9, GAP)]);
        // Whatever the order the database took them in: one slot now, one a gap later, one two gaps later.
        const sorted = [...waits].sort((a, b) => a - b);
        expect(sorted[0]).toBe(0);
        near(sorted[1]!, GAP);
        near(sorted[2]!, 2 * GAP);
      } finally {
        await other.close();
      }
    });
  });

  describe('waivers', () => {
    const base = { owner: 'Octo-Org', repo: 'Models', pr: 5 };

    it('lists the waivers of one pull request, the latest per rule winning', async () => {
      await store.addWaiver({ ...base, rule: 'pr-size', by: 'ada', reason: 'vendored weights', at: T0.toISOString() });
      await store.addWaiver({ ...base, rule: 'commit-signoff', by: 'ada', reason: 'bot commit', at: T0.toISOString() });
      await store.addWaiver({ ...base, rule: 'pr-size', by: 'grace', reason: 'generated tokenizer', at: at(60).toISOString() });
      await store.addWaiver({ ...base, pr: 6, rule: 'labels', by: 'ada', reason: 'other PR', at: T0.toISOString() });
      expect(await store.listWaivers('octo-org', 'models', 5)).toEqual([
        { rule: 'commit-signoff', by: 'ada', reason: 'bot commit', at: T0.toISOString() },
        { rule: 'pr-size', by: 'grace', reason: 'generated tokenizer', at: at(60).toISOString() },
      ]);
      expect(await store.listWaivers('octo-org', 'other', 5)).toEqual([]);
    });
  });
});
