/**
 * While a delivery is worked, its lease is renewed, so no other worker or replica takes it however
 * long GitHub takes; a worker that dies stops renewing, and its delivery is free again within one
 * lease instead of holding its repository's queue for minutes.
 */
import type { Logger } from 'probot';
import type { Store } from '../../store/types.js';
import { DEFAULT_LEASE_MS } from '../../store/delivery-queue.js';

export interface LeaseOptions {
  store: Pick<Store, 'renewLease'>;
  deliveryId: string;
  workerId: string;
  now: () => Date;
  log: Pick<Logger, 'warn'>;
  leaseMs?: number;
}

/** Starts renewing every third of the lease; call the returned function when the work is over. */
export function keepLease(options: LeaseOptions): () => void {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const renew = () => {
    const until = new Date(options.now().getTime() + leaseMs);
    options.store.renewLease(options.deliveryId, options.workerId, until).then(
      (kept) => { if (!kept) options.log.warn('The lease of this delivery was lost; another worker may take it over'); },
      (error: unknown) => options.log.warn({ err: error }, 'Could not renew the lease of this delivery'),
    );
  };
  const timer = setInterval(renew, Math.max(1_000, Math.floor(leaseMs / 3)));
  timer.unref();
  return () => clearInterval(timer);
}
