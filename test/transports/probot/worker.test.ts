/** The worker's queue discipline, with stand-in handlers (the full path is in app.test.ts). */
import { afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Logger } from 'probot';
import { openStore } from '../../../src/store/open-store.js';
import type { DeliveryRecord, Store } from '../../../src/store/types.js';
import type { DeliveryHandler, GitHubClient, Platform } from '../../../src/transports/probot/types.js';
import { createWorker, type WorkerOptions } from '../../../src/transports/probot/worker.js';
import { createLoadGate } from '../../../src/transports/probot/load-gate.js';
import { T0, createTestProbot } from './test-probot.js';

const payload = (n = 1) => ({ action: 'opened', installation: { id: 42 }, number: n });
const httpError = (status: number) => Object.assign(new Error(`status ${status}`), { status });

describe('worker', () => {
  let store: Store;
  let clock: Date;
  let log: Logger;
  const auth = jest.fn(async (_id: number) => ({}) as GitHubClient);

  beforeAll(async () => {
    log = (await createTestProbot().ready()).log;
  });
  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    clock = T0;
    auth.mockClear();
  });
  afterEach(() => store.close());

  function worker(handler: DeliveryHandler, extra: Partial<WorkerOptions> = {}) {
    return createWorker({
      store, auth, log, handlers: { pull_request: handler }, checkName: 'Steward / style',
      createPlatform: () => ({}) as Platform, now: () => clock, backoffMs: [30_000, 120_000], ...extra,
    });
  }

  it('works each queued delivery once, with the installation it names', async () => {
    const seen: unknown[] = [];
    const w = worker(async (p, ctx) => void seen.push([p, ctx.delivery.id]));
    await store.enqueueDelivery({ id: 'a', name: 'pull_request', payload: payload(1), receivedAt: T0 });
    await store.enqueueDelivery({ id: 'b', name: 'pull_request', payload: payload(2), receivedAt: T0 });
    expect(await w.drainOnce()).toBe(2);
    expect(await w.drainOnce()).toBe(0);
    expect(seen).toEqual(expect.arrayContaining([[payload(1), 'a'], [payload(2), 'b']]));
    expect(auth).toHaveBeenCalledWith(42);
    expect(await store.getDelivery('a')).toMatchObject({ status: 'done' });
  });

  it('stops claiming once it is stopping: the deliveries it holds finish, the rest stay queued for the next start', async () => {
    let stopping = false;
    const w = worker(async () => void (stopping = true), { concurrency: 1 });
    for (const id of ['a', 'b', 'c']) await store.enqueueDelivery({ id, name: 'pull_request', payload: payload(), receivedAt: T0, key: id });
    expect(await w.drainOnce(() => stopping)).toBe(1);
    const statuses = await Promise.all(['a', 'b', 'c'].map(async (id) => (await store.getDelivery(id))!.status));
    expect(statuses.filter((s) => s === 'done')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'queued')).toHaveLength(2);
  });

  it('takes no delivery while a webhook is being answered, and takes it once the answers are out', async () => {
    const gate = createLoadGate(60_000);
    const leave = gate.enter();
    const seen: string[] = [];
    const w = worker(async (_p, ctx) => void seen.push(ctx.delivery.id), { gate });
    await store.enqueueDelivery({ id: 'a', name: 'pull_request', payload: payload(), receivedAt: T0 });
    const draining = w.drainOnce();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    leave();
    expect(await draining).toBe(1);
    expect(seen).toEqual(['a']);
  });

  it('retries GitHub outages after the backoff, then gives up and reports once', async () => {
    const handler = jest.fn(async () => {
      throw httpError(502);
    });
    const onGiveUp = jest.fn(async (_d: DeliveryRecord, _e: unknown) => {});
    const w = worker(handler, { onGiveUp });
    await store.enqueueDelivery({ id: 'a', name: 'pull_request', payload: payload(), receivedAt: T0 });

    await w.drainOnce();
    expect(await store.getDelivery('a')).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/502/) });
    clock = new Date(T0.getTime() + 29_999);
    expect(await w.drainOnce()).toBe(0);
    clock = new Date(T0.getTime() + 30_000);
    expect(await w.drainOnce()).toBe(1);
    clock = new Date(clock.getTime() + 120_000);
    expect(await w.drainOnce()).toBe(1);
    expect(handler).toHaveBeenCalledTimes(3);
    expect(await store.getDelivery('a')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(onGiveUp).toHaveBeenCalledTimes(1);
    expect(onGiveUp.mock.calls[0]![0]).toMatchObject({ id: 'a', attempts: 3 });
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await w.drainOnce()).toBe(0);
  });

  it('gives up at once on an answer that would not change (403 without rate limit)', async () => {
    const onGiveUp = jest.fn(async () => {});
    const w = worker(async () => {
      throw httpError(403);
    }, { onGiveUp });
    await store.enqueueDelivery({ id: 'a', name: 'pull_request', payload: payload(), receivedAt: T0 });
    await w.drainOnce();
    expect(await store.getDelivery('a')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(onGiveUp).toHaveBeenCalledTimes(1);
  });

  it('counts a failed installation token like any GitHub outage', async () => {
    auth.mockRejectedValueOnce(httpError(503));
    const handler = jest.fn(async () => {});
    const w = worker(handler);
    await store.enqueueDelivery({ id: 'a', name: 'pull_request', payload: payload(), receivedAt: T0 });
    await w.drainOnce();
    expect(await store.getDelivery('a')).toMatchObject({ status: 'queued', attempts: 1 });
    clock = new Date(T0.getTime() + 30_000);
    await w.drainOnce();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(await store.getDelivery('a')).toMatchObject({ status: 'done' });
  });

  it('skips, without crashing, deliveries with no installation or no handler', async () => {
    const handler = jest.fn(async () => {});
    const w = worker(handler);
    await store.enqueueDelivery({ id: 'a', name: 'pull_request', payload: { action: 'opened' }, receivedAt: T0 });
    await store.enqueueDelivery({ id: 'b', name: 'deployment', payload: payload(), receivedAt: T0 });
    expect(await w.drainOnce()).toBe(2);
    expect(handler).not.toHaveBeenCalled();
    expect(await store.getDelivery('a')).toMatchObject({ status: 'done' });
    expect(await store.getDelivery('b')).toMatchObject({ status: 'done' });
  });

  it('keeps running in the background, works a delivery as soon as it is woken, and forgets week-old ones', async () => {
    await store.enqueueDelivery({ id: 'old', name: 'pull_request', payload: payload(), receivedAt: new Date(T0.getTime() - 8 * 86_400_000) });
    await store.complete('old');
    let finished: () => void = () => {};
    const done = new Promise<void>((resolve) => (finished = resolve));
    const w = worker(async () => finished(), { pollMs: 60_000 });
    w.start();
    await store.enqueueDelivery({ id: 'a', name: 'pull_request', payload: payload(), receivedAt: T0 });
    w.wake();
    await done;
    await w.stop();
    expect(await store.getDelivery('a')).toMatchObject({ status: 'done' });
    expect(await store.getDelivery('old')).toBeNull();
  });
});
