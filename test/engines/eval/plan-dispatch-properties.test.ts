import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { DispatchInput, PoolState, QueuedShard, UsageState } from '../../../src/engines/eval/dispatch-types.js';
import type { Quota, Strategy } from '../../../src/engines/eval/eval-config.js';
import { EXPECTED_SHARD_MINUTES } from '../../../src/engines/eval/fair-order.js';
import { planDispatch } from '../../../src/engines/eval/plan-dispatch.js';
import { propertyRuns } from '../../support/property-runs.js';

const POOLS = ['a100', 'cpu', 'h100', 'tpu'];
const REPOS = ['acme/one', 'acme/two', 'beta/three'];
const STRATEGIES: Strategy[] = ['round-robin', 'weighted', 'least-loaded', 'fair-share'];

const poolArb = (name: string): fc.Arbitrary<PoolState> => fc.record({
  name: fc.constant(name), capacity: fc.integer({ min: 0, max: 5 }), weight: fc.integer({ min: 1, max: 3 }),
  inFlight: fc.integer({ min: 0, max: 6 }),
  runners: fc.option(fc.record({ online: fc.integer({ min: 0, max: 6 }), busy: fc.integer({ min: 0, max: 6 }) })),
});
const quotaArb: fc.Arbitrary<Quota> = fc.record({
  concurrentShards: fc.option(fc.integer({ min: 0, max: 6 })), runnerMinutesPerMonth: fc.option(fc.integer({ min: 0, max: 500 })),
});
const usageArb = (names: string[]): fc.Arbitrary<Record<string, { inFlight: number; minutesThisMonth: number }>> =>
  fc.record(Object.fromEntries(names.map((n) => [n, fc.record({ inFlight: fc.integer({ min: 0, max: 5 }), minutesThisMonth: fc.integer({ min: 0, max: 600 }) })])));
const subsetArb = (items: string[]): fc.Arbitrary<string[]> => fc.subarray(items);

const entryArb: fc.Arbitrary<Omit<QueuedShard, 'key'>> = fc.record({
  run: fc.constant('r1'), shard: fc.nat(99), attempt: fc.integer({ min: 1, max: 3 }), repo: fc.constantFrom(...REPOS),
  org: fc.constant(''), cost: fc.nat(1000), pool: fc.option(fc.constantFrom(...POOLS, 'gone')),
  avoid: subsetArb(POOLS), allowed: subsetArb(POOLS), enqueuedAt: fc.constantFrom('2026-11-28T09:00:00Z', '2026-11-28T10:00:00Z', '2026-11-28T11:00:00Z'),
});

const inputArb: fc.Arbitrary<DispatchInput> = fc.record({
  strategy: fc.constantFrom(...STRATEGIES),
  queue: fc.array(entryArb, { maxLength: 30 }).map((es) => es.map((e, i) => ({ ...e, key: `k${i}`, org: e.repo.split('/')[0]! }))),
  pools: fc.subarray(POOLS, { minLength: 1 }).chain((names) => fc.tuple(...names.map(poolArb))),
  usage: fc.record({ byRepo: usageArb(REPOS), byOrg: usageArb(['acme', 'beta']) }) as fc.Arbitrary<UsageState>,
  repoQuotas: fc.dictionary(fc.constantFrom(...REPOS), quotaArb),
  orgQuotas: fc.dictionary(fc.constantFrom('acme', 'beta'), quotaArb),
  cursor: fc.record({ next: fc.nat(7), current: fc.constant({}) }),
});

const count = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length;

describe('planDispatch properties', () => {
  it('never overfills a pool or exceeds a quota, and decides every queued entry exactly once', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const decision = planDispatch(input);
      const byKey = new Map(input.queue.map((e) => [e.key, e]));
      expect([...decision.dispatch, ...decision.waiting].map((d) => d.key).sort()).toEqual([...byKey.keys()].sort());
      for (const p of input.pools) {
        expect(count(decision.dispatch, (d) => d.pool === p.name)).toBeLessThanOrEqual(Math.max(0, p.capacity - p.inFlight));
      }
      const sent = decision.dispatch.map((d) => byKey.get(d.key)!);
      for (const [quotas, usage, whose] of [[input.repoQuotas, input.usage.byRepo, (e: QueuedShard) => e.repo], [input.orgQuotas, input.usage.byOrg, (e: QueuedShard) => e.org]] as const) {
        for (const [who, quota] of Object.entries(quotas)) {
          const n = count(sent, (e) => whose(e) === who);
          const used = usage[who] ?? { inFlight: 0, minutesThisMonth: 0 };
          if (quota.concurrentShards !== null) expect(n).toBeLessThanOrEqual(Math.max(0, quota.concurrentShards - used.inFlight));
          if (quota.runnerMinutesPerMonth !== null && used.minutesThisMonth >= quota.runnerMinutesPerMonth) expect(n).toBe(0);
        }
      }
      for (const w of decision.waiting) expect(w.reason.length).toBeGreaterThan(10);
    }), propertyRuns(300));
  });

  it('respects pinned, allowed and avoided pools', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const decision = planDispatch(input);
      const byKey = new Map(input.queue.map((e) => [e.key, e]));
      const known = input.pools.map((p) => p.name);
      for (const { key, pool } of decision.dispatch) {
        const entry = byKey.get(key)!;
        expect(entry.allowed).toContain(pool);
        expect(known).toContain(pool);
        if (entry.pool !== null) expect(pool).toBe(entry.pool);
        else if (entry.avoid.includes(pool)) {
          // An avoided pool only when every pool it may use is avoided.
          expect(entry.allowed.filter((n) => known.includes(n)).every((n) => entry.avoid.includes(n))).toBe(true);
        }
      }
    }), propertyRuns(300));
  });

  it('fair-share never starves the repository with the lowest usage', () => {
    const openArb = inputArb.map((input): DispatchInput => ({
      ...input, strategy: 'fair-share', repoQuotas: {}, orgQuotas: {},
      queue: input.queue.map((e) => ({ ...e, pool: null, avoid: [], allowed: POOLS })),
    }));
    fc.assert(fc.property(openArb, (input) => {
      const score = (repo: string): number => {
        const u = input.usage.byRepo[repo]!;
        return u.minutesThisMonth + u.inFlight * EXPECTED_SHARD_MINUTES;
      };
      const repos = [...new Set(input.queue.map((e) => e.repo))].sort((a, b) => score(a) - score(b));
      const free = input.pools.reduce((n, p) => n + Math.max(0, p.capacity - p.inFlight), 0);
      fc.pre(repos.length > 1 && free > 0 && score(repos[0]!) < score(repos[1]!));
      const decision = planDispatch(input);
      const lowest = new Set(input.queue.filter((e) => e.repo === repos[0]).map((e) => e.key));
      expect(decision.dispatch.some((d) => lowest.has(d.key))).toBe(true);
      expect(lowest.has(decision.dispatch[0]!.key)).toBe(true);
    }), propertyRuns(300));
  });
});
