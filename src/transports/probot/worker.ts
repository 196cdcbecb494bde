/**
 * The worker: takes queued deliveries from the store and runs their handler with an
 * installation-authenticated Octokit. Failed work goes back to the queue with backoff; after the
 * last attempt it fails for good and `onGiveUp` tells people (on the check run, or in the log).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'probot';
import type { DeliveryRecord, Store } from '../../store/types.js';
import { installationOf } from './payload.js';
import { DEFAULT_BACKOFF_MS, describeError, isRetryable, retryTime } from './retry-policy.js';
import { keepLease } from './keep-lease.js';
import type { LoadGate } from './load-gate.js';
import { createLoop } from './worker-loop.js';
import type { DeliveryHandler, GitHubClient, Platform, WorkContext } from './types.js';

/** GitHub lets people redeliver a webhook for 3 days; ids are remembered longer than that. */
const DEFAULT_RETENTION_MS = 7 * 86_400_000;

export interface WorkerOptions {
  store: Store;
  /** `(id) => probot.auth(id)`. */
  auth: (installationId: number) => Promise<GitHubClient>;
  /** `() => probot.auth()`: the App's JWT client (finds Steward's installation on a fork). */
  appAuth?: () => Promise<GitHubClient>;
  /** The platform over an installation's client (the installation id keys per-installation pacing). */
  createPlatform: (github: GitHubClient, installationId: number) => Platform;
  /** By event name: "pull_request", "check_run", … */
  handlers: Record<string, DeliveryHandler>;
  log: Logger;
  checkName: string;
  appId?: number | null;
  now?: () => Date;
  /** Wait before each retry; its length + 1 is the number of attempts. */
  backoffMs?: readonly number[];
  onGiveUp?: (delivery: DeliveryRecord, error: unknown) => Promise<void>;
  workerId?: string;
  /** Deliveries worked at once by this worker. */
  concurrency?: number;
  /** How often an idle worker looks for due work (retries, other replicas' leftovers). */
  pollMs?: number;
  /** Finished deliveries are kept this long, so a redelivered id is still recognised. */
  retentionMs?: number;
  /** Waited on before each claim: answering webhooks comes first (load-gate.ts). */
  gate?: Pick<LoadGate, 'whenIdle'>;
}

export interface Worker {
  readonly id: string;
  /** Works every delivery due now (until `stopping()` says stop), then resolves with how many were taken. */
  drainOnce(stopping?: () => boolean): Promise<number>;
  start(): void;
  /** Lets a waiting worker look at the queue now (a delivery just arrived). */
  wake(): void;
  stop(): Promise<void>;
}

export function createWorker(options: WorkerOptions): Worker {
  const now = options.now ?? (() => new Date());
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const work = createDeliveryRunner(options, now, id);
  const drainOnce = async (stopping: () => boolean = () => false) => {
    let taken = 0;
    // A stopping worker finishes the deliveries it holds and leaves the rest queued for the next start.
    const next = async () => {
      await options.gate?.whenIdle();
      return stopping() ? null : options.store.claimNext(id, now());
    };
    const lane = async () => {
      for (let d = await next(); d; d = await next()) {
        taken++;
        await work(d);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, lane));
    return taken;
  };
  const prune = (at: Date) => options.store.pruneDeliveries(new Date(at.getTime() - (options.retentionMs ?? DEFAULT_RETENTION_MS)));
  return { id, drainOnce, ...createLoop({ drainOnce, prune, now, log: options.log, pollMs: options.pollMs ?? 2000 }) };
}

function createDeliveryRunner(options: WorkerOptions, now: () => Date, workerId: string) {
  const { store, log } = options;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  return async (delivery: DeliveryRecord): Promise<void> => {
    const dlog = log.child({ delivery: delivery.id, event: `${delivery.name}.${delivery.action ?? ''}`, attempt: delivery.attempts });
    const releaseLease = keepLease({ store, deliveryId: delivery.id, workerId, now, log: dlog });
    try {
      const handler = options.handlers[delivery.name];
      const installationId = installationOf(delivery.payload);
      if (!handler || installationId === null) {
        dlog.warn(handler ? 'Skipped: the payload names no installation' : 'Skipped: no handler for this event');
      } else {
        const client = await options.auth(installationId);
        const ctx: WorkContext = {
          delivery, platform: options.createPlatform(client, installationId), client, store, log: dlog, now,
          checkName: options.checkName, appId: options.appId ?? null,
          platformFor: async (id) => options.createPlatform(await options.auth(id), id),
          clientFor: (id) => options.auth(id),
          appClient: async () => (options.appAuth ? options.appAuth() : null),
        };
        await handler(delivery.payload, ctx);
      }
      await store.complete(delivery.id);
    } catch (error) {
      await settleFailure(options, delivery, error, { log: dlog, now, backoff });
    } finally {
      releaseLease();
    }
  };
}

/** Back to the queue after the backoff, or failed for good and reported. */
async function settleFailure(
  options: WorkerOptions,
  delivery: DeliveryRecord,
  error: unknown,
  at: { log: Logger; now: () => Date; backoff: readonly number[] },
): Promise<void> {
  const reason = describeError(error);
  const retryIn = isRetryable(error) ? at.backoff[delivery.attempts - 1] : undefined;
  if (retryIn !== undefined) {
    const retryAt = retryTime(error, at.now(), retryIn);
    at.log.warn({ err: error }, `Attempt ${delivery.attempts} failed, retrying at ${retryAt.toISOString()}: ${reason}`);
    await options.store.fail(delivery.id, reason, retryAt);
    return;
  }
  at.log.error({ err: error }, `Giving up after ${delivery.attempts} attempt(s): ${reason}`);
  await options.store.fail(delivery.id, reason, null);
  await options.onGiveUp?.(delivery, error).catch((e: unknown) => at.log.error({ err: e }, `Could not report the failure: ${describeError(e)}`));
}
