/** Schema migrations, shared by SQLite and PostgreSQL. Append new ones; never edit a released one. */
import type { Kysely, Migration } from 'kysely';
import { createEvaluation } from './eval-migration.js';
import { createMergeBases } from './reconcile-merge-bases.js';
import { createReconcile } from './reconcile-migration.js';
import { createWritePace } from './write-pace.js';

const createDeliveries: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('action', 'text')
      .addColumn('work_key', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('lock_until', 'text')
      .execute();
    // The claim query filters on status and due time.
    await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('deliveries_busy').on('deliveries').columns(['work_key', 'status']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('deliveries').execute();
  },
};

const createWaivers: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('waivers')
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('repo', 'text', (c) => c.notNull())
      .addColumn('pr', 'integer', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('waived_by', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('waived_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('waivers_pk', ['owner', 'repo', 'pr', 'rule'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('waivers').execute();
  },
};

/** Keys sort in the order they must run. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-deliveries': createDeliveries,
  '0002-waivers': createWaivers,
  '0003-evaluation': createEvaluation,
  '0004-reconcile': createReconcile,
  '0005-reconcile-merge-bases': createMergeBases,
  '0006-write-pace': createWritePace,
};
