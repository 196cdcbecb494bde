/** The store's public surface: what the App keeps that GitHub cannot hold for it. */
import type { Waiver } from '../engines/style/types.js';
import type { EvalStore } from './eval-types.js';
import type { ReconcileStore } from './reconcile-types.js';
import type { DeliveryStatus } from './schema.js';

export type { DeliveryStatus } from './schema.js';

export interface NewDelivery {
  /** X-GitHub-Delivery. */
  id: string;
  /** Event name, e.g. "pull_request". */
  name: string;
  payload: unknown;
  /** `payload` as JSON, when the caller has it already: stored as is instead of serialising `payload` again. */
  payloadText?: string;
  receivedAt: Date;
  /**
   * Deliveries with the same key are never worked at the same time, by any replica: two events for one
   * pull request (opened and check_suite.requested arrive together) must see each other's check run.
   */
  key?: string | null;
}

export interface DeliveryRecord {
  id: string;
  name: string;
  action: string | null;
  key: string | null;
  payload: unknown;
  status: DeliveryStatus;
  /** Claims so far, this one included. */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  receivedAt: Date;
  lockedBy: string | null;
  lockUntil: Date | null;
}

export interface WaiverRecord extends Waiver {
  owner: string;
  repo: string;
  pr: number;
}

export interface Store extends EvalStore, ReconcileStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Records a delivery once: a redelivered id is ignored (`inserted: false`). */
  enqueueDelivery(delivery: NewDelivery): Promise<{ inserted: boolean }>;
  /** Takes the next due delivery (or one whose worker's lease ran out) for `workerId`, skipping keys
   *  another worker holds; null when none. */
  claimNext(workerId: string, now: Date, leaseMs?: number): Promise<DeliveryRecord | null>;
  /** Extends the lease of a delivery this worker is still working on; false when it is no longer its own. */
  renewLease(id: string, workerId: string, until: Date): Promise<boolean>;
  complete(id: string): Promise<void>;
  /** Records a failed attempt: back to the queue at `retryAt`, or `failed` for good when null. */
  fail(id: string, error: string, retryAt: Date | null): Promise<void>;
  getDelivery(id: string): Promise<DeliveryRecord | null>;
  /** Deletes finished deliveries received before `before`; returns how many. */
  pruneDeliveries(before: Date): Promise<number>;
  /** Stores a waiver; a later waiver of the same rule on the same PR replaces it. */
  addWaiver(waiver: WaiverRecord): Promise<void>;
  listWaivers(owner: string, repo: string, pr: number): Promise<Waiver[]>;
  /**
   * Reserves the installation's next REST write slot, shared by every process on this database;
   * resolves with the milliseconds to wait for it (write-pace.ts).
   */
  reserveWriteSlot(installationId: number, gapMs: number): Promise<number>;
  close(): Promise<void>;
}
