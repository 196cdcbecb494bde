/** Builders for planDispatch inputs: a queue entry or a pool with only what a test cares about. */
import type { DispatchInput, PoolState, QueuedShard } from '../../../src/engines/eval/dispatch-types.js';

let counter = 0;

export function queued(over: Partial<QueuedShard> = {}): QueuedShard {
  counter += 1;
  const repo = over.repo ?? 'acme/models';
  return {
    key: `q${counter}`, run: 'r1', shard: counter, attempt: 1, repo, org: repo.split('/')[0]!, cost: 100,
    pool: null, avoid: [], allowed: ['a100', 'cpu'], enqueuedAt: `2026-11-28T10:00:${String(counter % 60).padStart(2, '0')}Z`, ...over,
  };
}

export function pool(name: string, capacity: number, over: Partial<PoolState> = {}): PoolState {
  return { name, capacity, weight: 1, inFlight: 0, runners: null, ...over };
}

export function input(over: Partial<DispatchInput>): DispatchInput {
  return {
    strategy: 'least-loaded', queue: [], pools: [pool('a100', 4), pool('cpu', 20)], usage: { byRepo: {}, byOrg: {} },
    repoQuotas: {}, orgQuotas: {}, cursor: { next: 0, current: {} }, ...over,
  };
}
