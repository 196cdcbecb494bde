/**
 * Deliveries recorded in groups: every delivery that arrives while one group commits waits for the
 * next, and a group is one transaction. Each delivery is still durable before it is answered (its
 * group has committed), but a burst pays one disk sync per group instead of one per delivery, which
 * was most of the answer time under load (SQLite syncs the WAL on every commit).
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, DeliveriesTable } from './schema.js';
import { createWrite, type Dialect } from './eval-tx.js';
import type { NewDelivery } from './types.js';

type Row = Insertable<DeliveriesTable>;

interface Waiting {
  row: Row;
  resolve: (inserted: boolean) => void;
  reject: (error: unknown) => void;
}

/** A group this large is written at once rather than waiting for the one in progress. */
const MAX_GROUP = 256;

export function createEnqueue(db: Kysely<Database>, dialect: Dialect): (d: NewDelivery) => Promise<{ inserted: boolean }> {
  const write = createWrite(db, dialect);
  const waiting: Waiting[] = [];
  let flushing: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    while (waiting.length) {
      const group = waiting.splice(0, MAX_GROUP);
      try {
        const inserted = await write(async (trx) => {
          const results: boolean[] = [];
          for (const { row } of group) {
            const result = await trx.insertInto('deliveries').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
            results.push(Number(result.numInsertedOrUpdatedRows ?? 0) > 0);
          }
          return results;
        });
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
