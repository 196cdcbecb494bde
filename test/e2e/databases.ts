/**
 * Databases two `steward serve` replicas can share: a SQLite file, or a fresh PostgreSQL schema on
 * DATABASE_URL (the server .ci/run starts). serve takes only DATABASE_URL, so the schema rides in
 * the URL as libpq's `options=-c search_path=…`, which node-postgres passes to the server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface SharedDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createSqliteDatabase(): Promise<SharedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'steward-e2e-db-'));
  return { name: 'sqlite', url: join(dir, 'steward.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function createPostgresSchema(baseUrl: string): Promise<SharedDatabase> {
  const schema = `steward_e2e_${randomBytes(6).toString('hex')}`;
  await runSql(baseUrl, `CREATE SCHEMA "${schema}"`);
  const separator = baseUrl.includes('?') ? '&' : '?';
  return {
    name: 'postgres',
    url: `${baseUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => runSql(baseUrl, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
  };
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The databases to run replica scenarios on: SQLite always, PostgreSQL when DATABASE_URL is set. */
export function replicaDatabases(): [string, () => Promise<SharedDatabase>][] {
  const url = process.env.DATABASE_URL;
  return [['one SQLite file', createSqliteDatabase], ...(url ? [['one PostgreSQL database', () => createPostgresSchema(url)] as [string, () => Promise<SharedDatabase>]] : [])];
}
