/**
 * Migration 0006 and the write pace shared by replicas: one row per installation holding the
 * earliest time (milliseconds, the database's clock) its next REST write may start. A replica
 * reserves a slot in one statement (the row lock orders replicas), then waits until it, so writes
 * to one installation start at least the gap apart whichever process sends them. Times come from
 * the database, so replicas whose clocks disagree still agree on the slots.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './eval-tx.js';

export const createWritePace: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('write_pace')
      .addColumn('installation_id', 'bigint', (c) => c.primaryKey())
      .addColumn('next_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('write_pace').ifExists().execute();
  },
};

/** Reserves the installation's next write slot; resolves with how many milliseconds to wait for it. */
export type ReserveWriteSlot = (installationId: number, gapMs: number) => Promise<number>;

export function createWritePaceStore(db: Kysely<Database>, dialect: Dialect): ReserveWriteSlot {
  const nowMs = dialect === 'postgres'
    ? sql<number>`(extract(epoch from now()) * 1000)::bigint`
    : sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
  const greatest = dialect === 'postgres' ? 'greatest' : 'max';
  return async (installationId, gapMs) => {
    const gap = Math.max(0, Math.round(gapMs));
    // The slot is max(the reserved next time, now); the row then holds slot + gap.
    const { rows } = await sql<{ wait_ms: number | string }>`
      insert into write_pace as p (installation_id, next_at) values (${installationId}, ${nowMs} + ${gap})
      on conflict (installation_id) do update set next_at = ${sql.raw(greatest)}(p.next_at, ${nowMs}) + ${gap}
      returning next_at - ${gap} - ${nowMs} as wait_ms`.execute(db);
    return Math.max(0, Number(rows[0]?.wait_ms ?? 0));
  };
}
