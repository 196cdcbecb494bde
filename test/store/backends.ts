/** The databases the store tests run against: SQLite always, PostgreSQL when DATABASE_URL is set. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/types.js';

export interface Backend {
  name: string;
  /** Opens a store on this backend; stores opened by one `open` share their data. */
  open(): Promise<Store>;
  /** Drops everything `open` created. */
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  // A real file, so that two stores opened on it see the same rows (two processes, one file).
  const dir = mkdtempSync(join(tmpdir(), 'steward-store-'));
  return {
    name: 'sqlite',
    open: () => openStore({ url: join(dir, 'steward.sqlite') }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresBackend(url: string): Backend {
  // A fresh schema per test run keeps runs (and parallel jest workers) apart.
  const schema = `steward_test_${randomBytes(6).toString('hex')}`;
  return {
    name: 'postgres',
    open: () => openStore({ url, schema }),
    async cleanup() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

export function availableBackends(): [string, () => Backend][] {
  const list: [string, () => Backend][] = [['sqlite', sqliteBackend]];
  const url = process.env.DATABASE_URL;
  if (url) list.push(['postgres', () => postgresBackend(url)]);
  return list;
}
