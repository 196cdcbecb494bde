/** Picks the database from the URL: PostgreSQL for postgres:// URLs, SQLite (a file or ':memory:') otherwise. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import pg from 'pg';

export const DEFAULT_SQLITE_PATH = '.data/steward.sqlite';

/**
 * SQLite copies the WAL back into the database file once it holds this many pages (4 KB each: the
 * WAL grows to ~40 MB). SQLite's default, 1,000, copied the same hot pages (the queue's index pages,
 * the table's last pages) again every few hundred deliveries, with a disk sync each time: under a
 * burst of webhooks that was a sixth of the process's work.
 */
export const WAL_CHECKPOINT_PAGES = 10_000;

export interface DialectChoice {
  dialect: Dialect;
  kind: 'sqlite' | 'postgres';
  /** The SQLite file (not for ':memory:'): deliveries are written to it by a thread of their own. */
  sqlitePath?: string;
}

/** `schema` (PostgreSQL only) puts every table in that schema, created if missing; tests use one per run. */
export async function createDialect(url: string | undefined, schema?: string): Promise<DialectChoice> {
  if (url && /^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', dialect: await postgres(url, schema) };
  if (url && /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error(
      `DATABASE_URL "${redact(url)}" is not a PostgreSQL URL. Use postgres://user:password@host:5432/db, ` +
        `or leave DATABASE_URL unset to use the embedded SQLite file ${DEFAULT_SQLITE_PATH}.`,
    );
  }
  const path = url?.replace(/^sqlite:/i, '') || DEFAULT_SQLITE_PATH;
  return { kind: 'sqlite', dialect: new SqliteDialect({ database: sqlite(path) }), ...(path === ':memory:' ? {} : { sqlitePath: path }) };
}

function sqlite(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  // Several processes on one file wait for the write lock instead of failing at once.
  db.pragma('busy_timeout = 5000');
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  return db;
}

async function postgres(url: string, schema?: string): Promise<PostgresDialect> {
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`Invalid schema name "${schema}": use letters, digits and _.`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: 5, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  return new PostgresDialect({ pool });
}

/** Never print a password in an error message. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
