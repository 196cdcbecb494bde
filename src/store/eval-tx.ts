/** Write transactions of the evaluation store, the same on SQLite and PostgreSQL. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { RunStatus } from './eval-types.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

/** Runs `work` in one transaction; a thrown error rolls it back. */
export type Write = <T>(work: (trx: Db) => Promise<T>) => Promise<T>;

export const ACTIVE_RUN: RunStatus[] = ['awaiting-approval', 'queued', 'running'];
export const FINISHED_RUN: RunStatus[] = ['completed', 'cancelled', 'failed'];
export const OPEN_ATTEMPT = ['waiting', 'dispatched', 'running'] as const;
export const IN_FLIGHT = ['dispatched', 'running'] as const;

// better-sqlite3 waits for a busy database synchronously, which blocks the event loop. Two stores in
// one process (tests; the CLI next to an embedded App) would then stall each other's open
// transaction, so SQLite writers of this process take turns here and other processes wait on the
// file lock (busy_timeout).
let sqliteTurn: Promise<unknown> = Promise.resolve();

export function createWrite(db: Db, dialect: Dialect): Write {
  if (dialect === 'postgres') return (work) => db.transaction().execute(work);
  return <T>(work: (trx: Db) => Promise<T>) => {
    const next = sqliteTurn.then(() => db.connection().execute((conn) => immediate(conn, work)));
    sqliteTurn = next.catch(() => undefined);
    return next;
  };
}

/** BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads first never fails
 *  to upgrade its lock halfway (SQLITE_BUSY) when another process wrote in between. */
async function immediate<T>(conn: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  await sql`begin immediate`.execute(conn);
  try {
    const value = await work(conn);
    await sql`commit`.execute(conn);
    return value;
  } catch (error) {
    await sql`rollback`.execute(conn);
    throw error;
  }
}

/** GitHub owner and repository names are case-insensitive. */
export function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}

/** `pg` returns bigint and count() as strings. */
export function toNumber(value: number | string | bigint | null): number | null {
  return value === null ? null : Number(value);
}
