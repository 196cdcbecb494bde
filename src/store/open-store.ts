/** Opens the store, runs pending migrations, and returns the query layer over SQLite or PostgreSQL. */
import { Kysely, Migrator, type MigrationProvider } from 'kysely';
import { createDialect } from './create-dialect.js';
import { createDeliveryQueue } from './delivery-queue.js';
import { createEnqueueThread } from './enqueue-thread.js';
import { createEvalStore } from './eval-store.js';
import { MIGRATIONS } from './migrations.js';
import { createReconcileStore } from './reconcile-store.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';
import { createWaivers } from './waivers.js';
import { createWritePaceStore } from './write-pace.js';

export interface OpenStoreOptions {
  /** DATABASE_URL: postgres://… for PostgreSQL; ':memory:', a file path or unset (.data/steward.sqlite) for SQLite. */
  url?: string;
  /** PostgreSQL only: keep every table in this schema (created if missing). */
  schema?: string;
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const { dialect, kind, sqlitePath } = await createDialect(options.url, options.schema);
  const db = new Kysely<Database>({ dialect });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const thread = sqlitePath ? createEnqueueThread(sqlitePath) : null;
  return {
    dialect: kind,
    ...createDeliveryQueue(db, kind, thread),
    ...createWaivers(db),
    ...createEvalStore(db, kind),
    ...createReconcileStore(db, kind),
    reserveWriteSlot: createWritePaceStore(db, kind),
    close: async () => {
      await thread?.close();
      await db.destroy();
    },
  };
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'steward_migrations',
    migrationLockTableName: 'steward_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Could not update the Steward database (migration ${failed}): ${String((error as Error).message ?? error)}`, {
      cause: error,
    });
  }
}
