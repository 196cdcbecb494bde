/** Table shapes as Kysely sees them. Times are ISO-8601 UTC strings (`Date#toISOString`), which sort
 *  and compare correctly as text on both SQLite and PostgreSQL, so one query works on both. */
import type { Generated } from 'kysely';
import type { EvalTables } from './eval-schema.js';

export type DeliveryStatus = 'queued' | 'working' | 'done' | 'failed';

export interface DeliveriesTable {
  /** X-GitHub-Delivery: the idempotency key. */
  id: string;
  name: string;
  action: string | null;
  /** Deliveries with the same key are worked one at a time (the repository, lower case). */
  work_key: string | null;
  /** The webhook payload as JSON text. */
  payload: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  received_at: string;
  locked_by: string | null;
  lock_until: string | null;
}

export interface WaiversTable {
  owner: string;
  repo: string;
  pr: number;
  rule: string;
  waived_by: string;
  reason: string;
  waived_at: string;
}

export interface Database extends EvalTables {
  deliveries: DeliveriesTable;
  waivers: WaiversTable;
}
