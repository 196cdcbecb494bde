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

/** Blob texts by git blob id (migration 0004); equal ids are equal bytes, so rows never change. */
export interface ReconcileBlobsTable {
  oid: string;
  /** NULL when not usable (binary, too large): `problem` says why. */
  text: string | null;
  problem: string | null;
  /** UTF-8 bytes of the text handed in (0 when none was): shows what a refused text weighed. */
  byte_size: number;
  stored_at: string;
}

/** What a reconcile run published, one row per (repository, kind) (migration 0004). */
export interface ReconcileOutputsTable {
  /** lower("owner/repo") of the upstream repository. */
  repo_key: string;
  /** "issue", "registry-pr" or "fork-pr:<owner>/<repo>". */
  kind: string;
  number: number;
  content_hash: string | null;
  updated_at: string;
}

/** A merge base by the pair of commits it joins (migration 0005); null: no shared history. */
export interface WritePaceTable {
  installation_id: number;
  next_at: number;
}

export interface ReconcileMergeBasesTable {
  pair: string;
  merge_base: string | null;
  stored_at: string;
}

export interface Database extends EvalTables {
  deliveries: DeliveriesTable;
  waivers: WaiversTable;
  reconcile_blobs: ReconcileBlobsTable;
  reconcile_outputs: ReconcileOutputsTable;
  reconcile_merge_bases: ReconcileMergeBasesTable;
  write_pace: WritePaceTable;
}
