/**
 * How the App's REST writes and GraphQL reads reach GitHub. @octokit/plugin-throttling keeps every
 * POST, GraphQL queries included, one second apart per installation: a pull request waited three
 * seconds for its check and an installation got one check every few seconds. Steward's GraphQL is
 * queries only, so the plugin's write pacing is turned off (serve.ts) and REST writes are paced here
 * instead, per installation, one at a time and a second apart as GitHub asks of mutative requests.
 * A POST is never resent by Octokit's retry plugin: if GitHub created the check run, comment or
 * dispatch before failing, a blind resend would make a second one; the durable queue retries the
 * whole delivery instead, which looks for what exists first.
 */
import type { GitHubClient as AdapterClient } from '../../platform/github/github-client.js';
import { waitForSharedSlot } from '../../platform/github/publish/write-pacer.js';

export interface RequestPacer {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * One write at a time, at least `minGapMs` after the previous one's answer. `reserve`, when given,
 * also takes a slot shared with other processes (the store's write pace, PostgreSQL replicas) and
 * resolves with how long to wait for it; if the database cannot say, the write goes on unshared.
 */
export function createRequestPacer(
  minGapMs = 1000,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  reserve?: (gapMs: number) => Promise<number>,
): RequestPacer {
  let queue: Promise<unknown> = Promise.resolve();
  let lastDone = 0;
  return {
    run(fn) {
      const result = queue.then(async () => {
        const wait = lastDone + minGapMs - Date.now();
        if (wait > 0) await sleep(wait);
        await waitForSharedSlot(reserve, minGapMs, sleep);
        try {
          return await fn();
        } finally {
          lastDone = Date.now();
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** One `create(installationId)` per installation in this process (GitHub counts pace per installation). */
export function perInstallation<T>(create: (installationId: number) => T): (installationId: number) => T {
  const made = new Map<number, T>();
  return (installationId) => {
    if (!made.has(installationId)) made.set(installationId, create(installationId));
    return made.get(installationId)!;
  };
}

/**
 * The pacers of this process's REST writes, one per installation. With `reserve` (PostgreSQL: the
 * replicas share the database) each write also takes a slot shared by every replica.
 */
export function createWritePacers(reserve?: (installationId: number, gapMs: number) => Promise<number>): (installationId: number) => RequestPacer {
  return perInstallation((id) => createRequestPacer(undefined, undefined, reserve && ((gap) => reserve(id, gap))));
}

/** Plugin-throttling's `write` limiter replaced by one that never waits (see above). */
export const UNPACED_WRITE_GROUP = { key: () => ({ schedule: <T>(_options: unknown, fn: () => Promise<T>) => fn() }) };

export function withPacedWrites(client: AdapterClient, pacer: RequestPacer): AdapterClient {
  return {
    request(route, params = {}) {
      const method = route.split(' ', 1)[0]!.toUpperCase();
      if (method === 'GET' || method === 'HEAD') return client.request(route, params);
      const once = method === 'POST' ? { ...params, request: { ...(params.request as object | undefined), retries: 0 } } : params;
      return pacer.run(() => client.request(route, once));
    },
    graphql: (query, variables) => client.graphql(query, variables),
  };
}
