/**
 * Deliveries recorded in groups: every delivery that arrives while one group is written waits for
 * the next, and a group is one multi-row insert in one transaction. Each delivery is still durable
 * before it is answered (its group has committed), but a burst pays one commit and one disk sync per
 * group instead of one per delivery. On a SQLite file the groups are written by a thread of their
 * own (enqueue-thread.ts), so the event loop answers webhooks meanwhile.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, DeliveriesTable } from './schema.js';
import { createWrite, type Dialect } from './eval-tx.js';
import type { EnqueueThread, ThreadRow } from './enqueue-thread.js';
import type { NewDelivery } from './types.js';

/** Every column the insert names is set (the thread binds each by name). */
type Row = Insertable<DeliveriesTable> & ThreadRow;

interface Waiting {
  row: Row;
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

/** A group this large is written at once rather than waiting for the one in progress. */
const MAX_GROUP = 256;

export function createEnqueue(db: Kysely<Database>, dialect: Dialect, thread: EnqueueThread | null = null): (d: NewDelivery) => Promise<{ inserted: boolean }> {
  const write = createWrite(db, dialect);
  const insert = thread ? (rows: Row[]) => thread.insert(rows) : (rows: Row[]) => write((trx) => insertGroup(trx, rows));
  const waiting: Waiting[] = [];
  let flushing: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    while (waiting.length) {
      const group = waiting.splice(0, MAX_GROUP);
      try {
        const inserted = await insert(group.map((w) => w.row));
        group.forEach((w, i) => w.resolve(inserted[i]!));
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    flushing = null;
  };
  return (d) => new Promise((resolve, reject) => {
    waiting.push({ row: toRow(d), resolve: (inserted) => resolve({ inserted }), reject });
    // The first delivery of a burst starts the group after this tick, so the burst joins it.
    flushing ??= new Promise<void>((done) => setImmediate(done)).then(flush);
  });
}

/**
 * One statement for the whole group (compiled once, not once per row); `returning` names the rows
 * that were new. A delivery twice in one group counts as new once, the first time.
 */
async function insertGroup(trx: Kysely<Database>, rows: Row[]): Promise<boolean[]> {
  const created = await trx.insertInto('deliveries').values(rows).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
  const fresh = new Set(created.map((r) => r.id));
  return rows.map((row) => fresh.delete(row.id));
}

function toRow(d: NewDelivery): Row {
  const at = d.receivedAt.toISOString();
  return {
    id: d.id,
    name: d.name,
    action: actionOf(d.payload),
    work_key: d.key ?? null,
    payload: d.payloadText ?? JSON.stringify(d.payload),
    status: 'queued',
    next_attempt_at: at,
    received_at: at,
  };
}

function actionOf(payload: unknown): string | null {
  const action = (payload as { action?: unknown } | null)?.action;
  return typeof action === 'string' ? action : null;
}
