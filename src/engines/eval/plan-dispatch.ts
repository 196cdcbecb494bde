/**
 * `planDispatch`: which queued shard attempts go now, and to which pool (issue 4, item 3). Pure: the
 * caller reads the queue, pool states and usage from the store and GitHub, and records the decision.
 * Guarantees: no pool gets more than its capacity (in flight + dispatched now), no repository or
 * organisation quota is exceeded, and every queued entry is either dispatched or waits with a reason
 * a person can act on. fair-share visits the queue in fair order (fair-order.ts); the other
 * strategies keep FIFO order (oldest first) and differ only in the pool they pick (pick-pool.ts).
 */
import type { DispatchDecision, DispatchInput, QueuedShard } from './dispatch-types.js';
import type { Quota } from './eval-config.js';
import { visitFairly } from './fair-order.js';
import { pickPool, type PoolContext } from './pick-pool.js';

type Usage = { inFlight: number; minutesThisMonth: number };

export function planDispatch(input: DispatchInput): DispatchDecision {
  const cursor = { next: input.cursor.next, current: { ...input.cursor.current } };
  const ctx: PoolContext = { strategy: input.strategy, pools: input.pools, added: new Map(), cursor };
  const addedRepos = new Map<string, number>();
  const addedOrgs = new Map<string, number>();
  const decision: DispatchDecision = { dispatch: [], waiting: [], cursor };
  const visit = (entry: QueuedShard): boolean => {
    const blocked = checkQuota(input.repoQuotas, input.usage.byRepo, addedRepos, entry.repo)
      ?? checkQuota(input.orgQuotas, input.usage.byOrg, addedOrgs, entry.org);
    const choice = blocked !== null ? { reason: blocked } : pickPool(entry, ctx);
    if ('reason' in choice) {
      decision.waiting.push({ key: entry.key, reason: choice.reason });
      return false;
    }
    decision.dispatch.push({ key: entry.key, pool: choice.pool });
    for (const [map, name] of [[ctx.added, choice.pool], [addedRepos, entry.repo], [addedOrgs, entry.org]] as const) {
      map.set(name, (map.get(name) ?? 0) + 1);
    }
    return true;
  };
  const queue = sortOldestFirst(input.queue);
  if (input.strategy === 'fair-share') visitFairly(queue, input.usage, input.shares, visit);
  else for (const entry of queue) visit(entry);
  return decision;
}

/** Oldest first; entries enqueued at the same instant keep the caller's order (sort is stable). */
function sortOldestFirst(queue: readonly QueuedShard[]): QueuedShard[] {
  return [...queue].sort((a, b) => (a.enqueuedAt < b.enqueuedAt ? -1 : a.enqueuedAt > b.enqueuedAt ? 1 : 0));
}

/** Why `who` (a repository or an organisation) may not start another shard now, or null. */
function checkQuota(quotas: Record<string, Quota>, usage: Record<string, Usage>, added: Map<string, number>, who: string): string | null {
  const quota = Object.hasOwn(quotas, who) ? quotas[who]! : null;
  if (!quota) return null;
  const used = Object.hasOwn(usage, who) ? usage[who]! : { inFlight: 0, minutesThisMonth: 0 };
  const minutes = quota.runnerMinutesPerMonth;
  if (minutes !== null && used.minutesThisMonth >= minutes) {
    return `quota: ${formatCount(used.minutesThisMonth)} of ${formatCount(minutes)} runner-minutes used this month by ${who}; it waits for next month or a higher runner-minutes-per-month`;
  }
  const running = used.inFlight + (added.get(who) ?? 0);
  const most = quota.concurrentShards;
  if (most !== null && running >= most) return `quota: ${running} shards of ${who} already running (concurrent-shards: ${formatCount(most)}); it starts when one finishes`;
  return null;
}

const formatCount = (n: number): string => String(Math.round(n * 100) / 100);
