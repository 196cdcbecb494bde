/** The dispatch queue as the scheduler sees it (plan-dispatch.ts): what waits, what runs, what is allowed. */
import type { Quota, Strategy } from './eval-config.js';

/** A shard attempt waiting for a runner, from any repository sharing the pools. */
export interface QueuedShard {
  /** The queue entry's id (stable; the decision refers to it). */
  key: string;
  run: string;
  shard: number;
  attempt: number;
  /** "owner/repo", lower case. */
  repo: string;
  /** Owner, lower case. */
  org: string;
  /** Estimated cost, in the plan's units. */
  cost: number;
  /** Pinned pool (the suite's), or null. */
  pool: string | null;
  /** Pools not to use (a retry avoids the pool that failed). */
  avoid: string[];
  /** Pools this repository may use (its own config's pools), by name. */
  allowed: string[];
  enqueuedAt: string;
}

/** Live runner counts of a pool, from GitHub's self-hosted-runner endpoints; null when unknown. */
export interface RunnerState {
  online: number;
  busy: number;
}

export interface PoolState {
  name: string;
  capacity: number;
  weight: number;
  /** Shards Steward dispatched to this pool that have not finished. */
  inFlight: number;
  runners: RunnerState | null;
}

/** Usage in the current period (the ledger, plus in-flight shards). */
export interface UsageState {
  byRepo: Record<string, { inFlight: number; minutesThisMonth: number }>;
  byOrg: Record<string, { inFlight: number; minutesThisMonth: number }>;
}

export interface DispatchInput {
  strategy: Strategy;
  queue: QueuedShard[];
  pools: PoolState[];
  usage: UsageState;
  /** Quotas by repo ("owner/repo") and by org; a missing entry = no limit. */
  repoQuotas: Record<string, Quota>;
  orgQuotas: Record<string, Quota>;
  /** Fair-share weights by repo (default 1). */
  shares?: Record<string, number>;
  /** Round-robin / weighted state carried between decisions (opaque to callers; start with 0 / {}). */
  cursor: DispatchCursor;
}

export interface DispatchCursor {
  /** Next pool index for round-robin. */
  next: number;
  /** Smooth weighted round-robin current weights, by pool. */
  current: Record<string, number>;
}

export interface DispatchDecision {
  /** Entries to dispatch now, in order, each with its pool. */
  dispatch: { key: string; pool: string }[];
  /** Entries that wait, with the reason shown to people ("pool a100 is full", "quota: 6000 runner-minutes this month used"). */
  waiting: { key: string; reason: string }[];
  cursor: DispatchCursor;
}
