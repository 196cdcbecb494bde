/** The scheduler's view of the world: pools, what runs where, live runners, usage and quotas. */
import type { DispatchCursor, DispatchInput, PoolState, RunnerState } from '../../engines/eval/dispatch-types.js';
import type { PoolConfig, Quota } from '../../engines/eval/eval-config.js';
import type { Runner } from '../../platform/port.js';
import type { QueueEntry, RunRecord } from '../../store/eval-types.js';
import type { EvalDeps } from './eval-deps.js';

export async function readDispatchState(
  deps: EvalDeps, queue: QueueEntry[], runs: Map<string, RunRecord>, cursor: DispatchCursor,
): Promise<DispatchInput> {
  // Pools shared by several repositories: the oldest waiting run's definition (and strategy) decides.
  const ordered = [...runs.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const pools = new Map<string, PoolConfig>();
  for (const run of ordered) for (const p of run.config.pools) if (!pools.has(p.name)) pools.set(p.name, p);
  const strategy = runs.get(queue[0]!.run)!.config.strategy;
  const inFlight = await deps.store.countInFlight();
  const runners = strategy === 'least-loaded' ? await readRunners(deps, queue) : [];
  const repoQuotas: Record<string, Quota> = {};
  const orgQuotas: Record<string, Quota> = {};
  for (const run of ordered) {
    repoQuotas[`${run.owner}/${run.repo}`.toLowerCase()] ??= run.config.quotas;
    orgQuotas[run.owner.toLowerCase()] ??= run.config.organizationQuotas;
  }
  return {
    strategy,
    queue: queue.map((e) => ({
      key: e.key, run: e.run, shard: e.shard, attempt: e.attempt, repo: `${e.owner}/${e.repo}`.toLowerCase(),
      org: e.owner.toLowerCase(), cost: e.cost, pool: e.pool, avoid: e.avoid, allowed: e.allowed, enqueuedAt: e.enqueuedAt.toISOString(),
    })),
    pools: [...pools.values()].map((p): PoolState => ({
      name: p.name, capacity: p.capacity, weight: p.weight, inFlight: inFlight.byPool[p.name] ?? 0, runners: runnerState(p, runners),
    })),
    usage: await readUsage(deps, inFlight.byRepo),
    repoQuotas,
    orgQuotas,
    shares: sharesOf(repoQuotas),
    cursor,
  };
}

/**
 * Fair-share weights: a repository's share of the pools is its runner-minutes quota; one without a
 * quota counts as the median of those that have one (as 1 when none has), so writing no quota
 * neither starves a repository nor lets it crowd out the others.
 */
export function sharesOf(repoQuotas: Record<string, Quota>): Record<string, number> {
  const set = Object.values(repoQuotas).map((q) => q.runnerMinutesPerMonth).filter((m): m is number => m !== null && m > 0).sort((a, b) => a - b);
  const median = set.length ? set[Math.floor((set.length - 1) / 2)]! : 1;
  return Object.fromEntries(Object.entries(repoQuotas).map(([repo, q]) => [repo, q.runnerMinutesPerMonth && q.runnerMinutesPerMonth > 0 ? q.runnerMinutesPerMonth : median]));
}

/** Live runners of each owner in the queue (organisation runners, else the repository's); none when not readable. */
async function readRunners(deps: EvalDeps, queue: QueueEntry[]): Promise<Runner[]> {
  const byOwner = new Map<string, QueueEntry>();
  for (const e of queue) if (!byOwner.has(e.owner.toLowerCase())) byOwner.set(e.owner.toLowerCase(), e);
  const all: Runner[] = [];
  for (const e of [...byOwner.values()].slice(0, 5)) {
    try {
      const platform = e.installationId === deps.installationId ? deps.platform : await deps.platformFor(e.installationId);
      all.push(...((await platform.listRunners({ owner: e.owner, repo: e.repo })) ?? []));
    } catch (error) {
      // Steward's own count of shards in flight stands in for live state.
      deps.log.warn(`Could not read the runners of ${e.owner}: ${(error as Error).message}`);
    }
  }
  return all;
}

/** A runner serves a pool when it carries every label of the pool's runs-on. */
function runnerState(pool: PoolConfig, runners: Runner[]): RunnerState | null {
  const wanted = pool.runsOn.map((l) => l.toLowerCase());
  const serving = runners.filter((r) => wanted.every((l) => r.labels.some((x) => x.toLowerCase() === l)));
  if (!serving.length) return null;
  return { online: serving.filter((r) => r.online).length, busy: serving.filter((r) => r.online && r.busy).length };
}

async function readUsage(deps: EvalDeps, inFlightByRepo: Record<string, number>): Promise<DispatchInput['usage']> {
  const now = deps.now();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const used = await deps.store.usageSince(monthStart);
  const usage: DispatchInput['usage'] = { byRepo: {}, byOrg: {} };
  const repos = new Set([...Object.keys(used.byRepo), ...Object.keys(inFlightByRepo)]);
  for (const repo of repos) {
    const org = repo.split('/')[0]!;
    const entry = { inFlight: inFlightByRepo[repo] ?? 0, minutesThisMonth: used.byRepo[repo] ?? 0 };
    usage.byRepo[repo] = entry;
    const o = (usage.byOrg[org] ??= { inFlight: 0, minutesThisMonth: used.byOrg[org] ?? 0 });
    o.inFlight += entry.inFlight;
  }
  for (const [org, minutes] of Object.entries(used.byOrg)) usage.byOrg[org] ??= { inFlight: 0, minutesThisMonth: minutes };
  return usage;
}
