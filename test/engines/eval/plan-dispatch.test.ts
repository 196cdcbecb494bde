import { describe, expect, it } from '@jest/globals';
import { planDispatch } from '../../../src/engines/eval/plan-dispatch.js';
import { input, pool, queued } from './dispatch-fixtures.js';

const poolsOf = (decision: ReturnType<typeof planDispatch>): string[] => decision.dispatch.map((d) => d.pool);

describe('planDispatch: round-robin', () => {
  it('cycles over the pools with room and carries the cursor to the next decision', () => {
    const queue = Array.from({ length: 5 }, () => queued({ allowed: ['a', 'b', 'c'] }));
    const first = planDispatch(input({ strategy: 'round-robin', queue, pools: [pool('a', 9), pool('b', 9), pool('c', 9)] }));
    expect(poolsOf(first)).toEqual(['a', 'b', 'c', 'a', 'b']);
    const second = planDispatch(input({ strategy: 'round-robin', queue: [queued({ allowed: ['a', 'b', 'c'] })], pools: [pool('a', 9), pool('b', 9), pool('c', 9)], cursor: first.cursor }));
    expect(poolsOf(second)).toEqual(['c']);
  });

  it('skips a full pool', () => {
    const queue = Array.from({ length: 3 }, () => queued({ allowed: ['a', 'b'] }));
    const decision = planDispatch(input({ strategy: 'round-robin', queue, pools: [pool('a', 1, { inFlight: 1 }), pool('b', 5)] }));
    expect(poolsOf(decision)).toEqual(['b', 'b', 'b']);
  });
});

describe('planDispatch: weighted', () => {
  it('spreads shards in proportion to weight, smoothly (nginx order a a b a ...)', () => {
    const queue = Array.from({ length: 6 }, () => queued({ allowed: ['a', 'b'] }));
    const decision = planDispatch(input({ strategy: 'weighted', queue, pools: [pool('a', 99, { weight: 2 }), pool('b', 99, { weight: 1 })] }));
    expect(poolsOf(decision)).toEqual(['a', 'b', 'a', 'a', 'b', 'a']);
  });
});

describe('planDispatch: least-loaded', () => {
  it('picks the lowest load per capacity, ties by name', () => {
    const pools = [pool('b', 4, { inFlight: 1 }), pool('a', 4, { inFlight: 1 }), pool('c', 10, { inFlight: 5 })];
    const decision = planDispatch(input({ queue: [queued({ allowed: ['a', 'b', 'c'] }), queued({ allowed: ['a', 'b', 'c'] })], pools }));
    expect(poolsOf(decision)).toEqual(['a', 'b']);
  });

  it('prefers a pool with idle online runners, and counts busy runners Steward did not start', () => {
    const pools = [
      pool('a100', 4, { runners: { online: 2, busy: 2 } }), // busy with other workflows
      pool('h100', 4, { inFlight: 1, runners: { online: 3, busy: 1 } }),
    ];
    const decision = planDispatch(input({ queue: [queued({ allowed: ['a100', 'h100'] }), queued({ allowed: ['a100', 'h100'] })], pools }));
    expect(poolsOf(decision)).toEqual(['h100', 'h100']);
  });
});

describe('planDispatch: fair-share', () => {
  it('serves the repository with the least usage first, then alternates as usage grows', () => {
    const queue = [queued({ repo: 'big/lab' }), queued({ repo: 'big/lab' }), queued({ repo: 'small/lab' }), queued({ repo: 'small/lab' })];
    const usage = { byRepo: { 'big/lab': { inFlight: 0, minutesThisMonth: 5000 }, 'small/lab': { inFlight: 0, minutesThisMonth: 10 } }, byOrg: {} };
    const decision = planDispatch(input({ strategy: 'fair-share', queue, usage, pools: [pool('a100', 2), pool('cpu', 0)] }));
    expect(decision.dispatch.map((d) => d.key)).toEqual([queue[2]!.key, queue[3]!.key]);
    expect(decision.waiting.map((w) => w.reason)).toEqual(['pools a100 (2 of 2 running) and cpu (0 of 0 running) are full', 'pools a100 (2 of 2 running) and cpu (0 of 0 running) are full']);
  });

  it('weighs usage by share', () => {
    const queue = [queued({ repo: 'a/x' }), queued({ repo: 'b/y' })];
    const usage = { byRepo: { 'a/x': { inFlight: 0, minutesThisMonth: 300 }, 'b/y': { inFlight: 0, minutesThisMonth: 200 } }, byOrg: {} };
    const decision = planDispatch(input({ strategy: 'fair-share', queue, usage, shares: { 'a/x': 3 }, pools: [pool('a100', 1)], }));
    expect(decision.dispatch).toEqual([{ key: queue[0]!.key, pool: 'a100' }]);
  });
});

describe('planDispatch: constraints and reasons', () => {
  it('says which pool is full', () => {
    const decision = planDispatch(input({ queue: [queued({ pool: 'a100' })], pools: [pool('a100', 4, { inFlight: 4 }), pool('cpu', 9)] }));
    expect(decision.waiting).toEqual([{ key: expect.any(String), reason: 'pool a100 is full (4 of 4 running)' }]);
  });

  it('keeps a repository within its concurrent-shards quota', () => {
    const queue = [queued(), queued(), queued()];
    const decision = planDispatch(input({
      queue, repoQuotas: { 'acme/models': { concurrentShards: 8, runnerMinutesPerMonth: null } },
      usage: { byRepo: { 'acme/models': { inFlight: 7, minutesThisMonth: 0 } }, byOrg: {} },
    }));
    expect(decision.dispatch).toHaveLength(1);
    expect(decision.waiting.map((w) => w.reason)).toEqual([
      'quota: 8 shards of acme/models already running (concurrent-shards: 8); it starts when one finishes',
      'quota: 8 shards of acme/models already running (concurrent-shards: 8); it starts when one finishes',
    ]);
  });

  it('holds an organisation that used its runner minutes this month', () => {
    const decision = planDispatch(input({
      queue: [queued()], orgQuotas: { acme: { concurrentShards: null, runnerMinutesPerMonth: 6000 } },
      usage: { byRepo: {}, byOrg: { acme: { inFlight: 0, minutesThisMonth: 6000 } } },
    }));
    expect(decision.waiting[0]!.reason).toMatch(/^quota: 6000 of 6000 runner-minutes used this month by acme/);
  });

  it('sends a retry to another allowed pool, even a busier one, but reuses the avoided pool when it is the only one', () => {
    const pools = [pool('a100', 4), pool('cpu', 20, { inFlight: 15 })];
    expect(poolsOf(planDispatch(input({ queue: [queued({ avoid: ['a100'] })], pools })))).toEqual(['cpu']);
    expect(poolsOf(planDispatch(input({ queue: [queued({ avoid: ['a100'], allowed: ['a100'] })], pools })))).toEqual(['a100']);
    expect(poolsOf(planDispatch(input({ queue: [queued({ avoid: ['a100'], pool: 'a100' })], pools })))).toEqual(['a100']);
  });

  it('waits, and says why, for a pinned pool the repository may not use or that does not exist', () => {
    const decision = planDispatch(input({ queue: [queued({ pool: 'a100', allowed: ['cpu'] }), queued({ pool: 'tpu' }), queued({ allowed: ['tpu'] })] }));
    expect(decision.dispatch).toEqual([]);
    expect(decision.waiting.map((w) => w.reason)).toEqual([
      "pool a100 is pinned by the suite but is not one of acme/models's pools; add it to evaluation.pools",
      "pool tpu is not among the pools Steward schedules; check the suite's pool: in .github/steward.yml of acme/models",
      'no pool acme/models may use is available; evaluation.pools in its .github/steward.yml names none of the shared pools',
    ]);
  });

  it('dispatches oldest first under FIFO strategies', () => {
    const late = queued({ enqueuedAt: '2026-11-28T12:00:00Z' });
    const early = queued({ enqueuedAt: '2026-11-28T09:00:00Z' });
    const decision = planDispatch(input({ queue: [late, early], pools: [pool('a100', 1)] }));
    expect(decision.dispatch).toEqual([{ key: early.key, pool: 'a100' }]);
    expect(decision.waiting).toEqual([{ key: late.key, reason: 'pool a100 is full (1 of 1 running)' }]);
  });

  it('does not change the caller\'s cursor object', () => {
    const cursor = { next: 0, current: {} };
    planDispatch(input({ strategy: 'weighted', queue: [queued()], cursor }));
    expect(cursor).toEqual({ next: 0, current: {} });
  });
});
