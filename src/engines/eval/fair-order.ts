/**
 * The order fair-share visits the queue in: repeatedly the repository with the least usage per
 * share, (minutes this month + shards running × EXPECTED_SHARD_MINUTES) / share, takes its oldest
 * entry. A dispatched entry raises its repository's usage at once, so one repository's burst does
 * not take a whole pool while another waits; FIFO holds within a repository.
 */
import type { QueuedShard, UsageState } from './dispatch-types.js';

/** What a running shard is expected to cost before the ledger knows: an hour, a typical eval shard. */
export const EXPECTED_SHARD_MINUTES = 60;

/** Calls `visit` on every entry once, in fair order; `visit` says whether the entry was dispatched. */
export function visitFairly(
  queue: readonly QueuedShard[], usage: UsageState, shares: Record<string, number> | undefined, visit: (entry: QueuedShard) => boolean,
): void {
  const byRepo = new Map<string, QueuedShard[]>();
  for (const entry of queue) {
    const entries = byRepo.get(entry.repo);
    if (entries) entries.push(entry);
    else byRepo.set(entry.repo, [entry]);
  }
  const started = new Map<string, number>();
  const score = (repo: string): number => {
    const used = Object.hasOwn(usage.byRepo, repo) ? usage.byRepo[repo]! : { inFlight: 0, minutesThisMonth: 0 };
    const share = shares && Object.hasOwn(shares, repo) && shares[repo]! > 0 ? shares[repo]! : 1;
    return (used.minutesThisMonth + (used.inFlight + (started.get(repo) ?? 0)) * EXPECTED_SHARD_MINUTES) / share;
  };
  while (byRepo.size) {
    let best: string | null = null;
    for (const repo of byRepo.keys()) if (best === null || isBefore(repo, best, score, byRepo)) best = repo;
    const entries = byRepo.get(best!)!;
    const entry = entries.shift()!;
    if (!entries.length) byRepo.delete(best!);
    if (visit(entry)) started.set(best!, (started.get(best!) ?? 0) + 1);
  }
}

function isBefore(a: string, b: string, score: (repo: string) => number, byRepo: Map<string, QueuedShard[]>): boolean {
  const [sa, sb] = [score(a), score(b)];
  if (sa !== sb) return sa < sb;
  const [ea, eb] = [byRepo.get(a)![0]!.enqueuedAt, byRepo.get(b)![0]!.enqueuedAt];
  if (ea !== eb) return ea < eb;
  return a < b;
}
