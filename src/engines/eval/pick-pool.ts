/**
 * Which pool one queued shard goes to (plan-dispatch.ts), or why it waits. The candidates are the
 * pools the entry may use (pinned, else the repository's own), without the pools a retry avoids when
 * another candidate remains, with room left (in flight + dispatched now < capacity). The strategy
 * then picks among them; its state (round-robin index, weighted currents) lives in the cursor.
 */
import type { DispatchCursor, PoolState, QueuedShard } from './dispatch-types.js';
import type { Strategy } from './eval-config.js';

export interface PoolContext {
  strategy: Strategy;
  /** In the caller's order: round-robin cycles and weighted breaks ties by it. */
  pools: readonly PoolState[];
  /** Shards given to each pool by this decision so far. */
  added: Map<string, number>;
  cursor: DispatchCursor;
}

export function pickPool(entry: QueuedShard, ctx: PoolContext): { pool: string } | { reason: string } {
  const candidates = candidatesOf(entry, ctx.pools);
  if (typeof candidates === 'string') return { reason: candidates };
  const running = (p: PoolState): number => p.inFlight + (ctx.added.get(p.name) ?? 0);
  const open = candidates.filter((p) => running(p) < p.capacity);
  if (!open.length) return { reason: describeFull(candidates, running) };
  if (ctx.strategy === 'round-robin') return { pool: pickRoundRobin(open, ctx) };
  if (ctx.strategy === 'weighted') return { pool: pickWeighted(open, ctx.cursor) };
  return { pool: pickLeastLoaded(open, ctx.added) };
}

function candidatesOf(entry: QueuedShard, pools: readonly PoolState[]): PoolState[] | string {
  if (entry.pool !== null) {
    if (!pools.some((p) => p.name === entry.pool)) return `pool ${entry.pool} is not among the pools Steward schedules; check the suite's pool: in .github/steward.yml of ${entry.repo}`;
    if (!entry.allowed.includes(entry.pool)) return `pool ${entry.pool} is pinned by the suite but is not one of ${entry.repo}'s pools; add it to evaluation.pools`;
  }
  const wanted = entry.pool !== null ? [entry.pool] : entry.allowed;
  const usable = pools.filter((p) => wanted.includes(p.name));
  if (!usable.length) return `no pool ${entry.repo} may use is available; evaluation.pools in its .github/steward.yml names none of the shared pools`;
  // A retry avoids the pool that failed it, unless that pool is the only one it may use.
  const fresh = usable.filter((p) => !entry.avoid.includes(p.name));
  return fresh.length ? fresh : usable;
}

function describeFull(pools: readonly PoolState[], running: (p: PoolState) => number): string {
  const parts = pools.map((p) => `${p.name} (${running(p)} of ${p.capacity} running)`);
  if (pools.length === 1) return `pool ${pools[0]!.name} is full (${running(pools[0]!)} of ${pools[0]!.capacity} running)`;
  return `pools ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]} are full`;
}

/** The first open pool at or after the cursor, in the caller's pool order; the cursor moves past it. */
function pickRoundRobin(open: readonly PoolState[], ctx: PoolContext): string {
  const n = ctx.pools.length;
  const start = ((ctx.cursor.next % n) + n) % n || 0;
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (open.some((p) => p.name === ctx.pools[i]!.name)) {
      ctx.cursor.next = (i + 1) % n;
      return ctx.pools[i]!.name;
    }
  }
  return open[0]!.name;
}

/** Smooth weighted round-robin (nginx): every open pool gains its weight, the highest wins and pays the total. */
function pickWeighted(open: readonly PoolState[], cursor: DispatchCursor): string {
  let best: PoolState | null = null;
  let total = 0;
  for (const p of open) {
    const weight = Number.isFinite(p.weight) && p.weight > 0 ? p.weight : 1;
    total += weight;
    cursor.current[p.name] = (cursor.current[p.name] ?? 0) + weight;
    if (!best || cursor.current[p.name]! > cursor.current[best.name]!) best = p;
  }
  cursor.current[best!.name]! -= total;
  return best!.name;
}

/**
 * Known idle runners first (a shard starts at once), then pools without runner state (GitHub-hosted
 * labels have none), then pools whose runners are all busy; within each, the lowest load per unit of
 * capacity, then the name. Load counts busy runners where GitHub reports more of them than Steward
 * has in flight (other workflows share the runners too).
 */
function pickLeastLoaded(open: readonly PoolState[], added: Map<string, number>): string {
  const rank = (p: PoolState): [number, number, string] => {
    const extra = added.get(p.name) ?? 0;
    const used = (p.runners ? Math.max(p.runners.busy, p.inFlight) : p.inFlight) + extra;
    const idle = p.runners ? p.runners.online - used : null;
    return [idle === null ? 1 : idle > 0 ? 0 : 2, used / p.capacity, p.name];
  };
  const ranked = open.map((p) => ({ p, r: rank(p) }));
  ranked.sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || (a.r[2] < b.r[2] ? -1 : a.r[2] > b.r[2] ? 1 : 0));
  return ranked[0]!.p.name;
}
