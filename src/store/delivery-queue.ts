/** The durable delivery queue: insert-or-ignore by delivery id, atomic claims for several workers. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DeliveriesTable } from './schema.js';
import { createEnqueue } from './enqueue-batch.js';
import type { EnqueueThread } from './enqueue-thread.js';
import type { DeliveryRecord, Store } from './types.js';

/** Long enough for the biggest pull request; a crashed worker's delivery is picked up after it. */
/** Short, because a working worker renews it (see the worker's keepLease): a crashed worker's delivery is free again within a minute. */
export const DEFAULT_LEASE_MS = 60_000;

/** Advisory lock id of the claim (PostgreSQL): "stew" in ASCII. */
const CLAIM_LOCK = 0x73746577;

type Queue = Pick<Store, 'enqueueDelivery' | 'claimNext' | 'renewLease' | 'complete' | 'fail' | 'getDelivery' | 'pruneDeliveries'>;

/** `thread`: SQLite files only, the thread that records deliveries (enqueue-thread.ts). */
export function createDeliveryQueue(db: Kysely<Database>, dialect: Store['dialect'], thread: EnqueueThread | null = null): Queue {
  return {
    enqueueDelivery: createEnqueue(db, dialect, thread),

    async claimNext(workerId, now, leaseMs = DEFAULT_LEASE_MS) {
      // A delivery whose worker died (lease run out) first, then the queued ones: two queries, as one
      // with an OR could use no index and read the whole table (80 ms with 30,000 queued, the event
      // loop stopped meanwhile on SQLite).
      const claim = async (trx: Kysely<Database>) =>
        (await claimQuery(trx, dialect, 'expired', workerId, now, leaseMs).executeTakeFirst()) ??
        (await claimQuery(trx, dialect, 'queued', workerId, now, leaseMs).executeTakeFirst());
      // SQLite runs the one UPDATE under its database write lock, atomic on its own. PostgreSQL
      // replicas take turns through an advisory lock held until the claim commits, so each claim
      // sees every earlier one and two replicas never take the same key at once.
      const row =
        dialect === 'postgres'
          ? await db.transaction().execute(async (trx) => {
              await sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`.execute(trx);
              return claim(trx);
            })
          : await claim(db);
      return row ? toRecord(row) : null;
    },

    async renewLease(id, workerId, until) {
      const result = await db
        .updateTable('deliveries')
        .set({ lock_until: until.toISOString() })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'working')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async complete(id) {
      await db
        .updateTable('deliveries')
        .set({ status: 'done', locked_by: null, lock_until: null })
        .where('id', '=', id)
        .execute();
    },

    async fail(id, error, retryAt) {
      await db
        .updateTable('deliveries')
        .set({
          status: retryAt ? 'queued' : 'failed',
          last_error: error,
          locked_by: null,
          lock_until: null,
          ...(retryAt ? { next_attempt_at: retryAt.toISOString() } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    async getDelivery(id) {
      const row = await db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async pruneDeliveries(before) {
      const result = await db
        .deleteFrom('deliveries')
        .where('status', 'in', ['done', 'failed'])
        .where('received_at', '<', before.toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** `queued`: due deliveries (index deliveries_due); `expired`: taken by a worker whose lease ran out. */
function claimQuery(db: Kysely<Database>, dialect: Store['dialect'], which: 'queued' | 'expired', workerId: string, now: Date, leaseMs: number) {
  const nowIso = now.toISOString();
  let due = db
    .selectFrom('deliveries as d')
    .select('d.id')
    .where((eb) =>
      which === 'queued'
        ? eb.and([eb('d.status', '=', 'queued'), eb('d.next_attempt_at', '<=', nowIso)])
        : eb.and([eb('d.status', '=', 'working'), eb('d.lock_until', '<=', nowIso)]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deliveries as busy')
            .select('busy.id')
            .whereRef('busy.work_key', '=', 'd.work_key')
            .whereRef('busy.id', '<>', 'd.id')
            .where('busy.status', '=', 'working')
            .where('busy.lock_until', '>', nowIso),
        ),
      ),
    )
    .orderBy('d.next_attempt_at')
    .orderBy('d.received_at')
    .limit(1);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('deliveries')
    .set((eb) => ({
      status: 'working',
      locked_by: workerId,
      lock_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', due)
    .returningAll();
}

function toRecord(row: Selectable<DeliveriesTable>): DeliveryRecord {
  return {
    id: row.id,
    name: row.name,
    action: row.action,
    key: row.work_key,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error,
    receivedAt: new Date(row.received_at),
    lockedBy: row.locked_by,
    lockUntil: row.lock_until ? new Date(row.lock_until) : null,
  };
}
