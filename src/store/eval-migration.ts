/** Migration 0003: the evaluation tables (once released, never edited: append a new migration).
 *  Uniqueness lives in the database (active_key, attempt and ledger keys), so two replicas or a
 *  redelivered webhook can never create or count a thing twice. */
import type { Kysely, Migration } from 'kysely';

const TABLES = ['eval_cursors', 'eval_piece_durations', 'usage_ledger', 'eval_dispatches', 'eval_queue', 'eval_attempts', 'eval_shards', 'eval_runs'];

async function createRuns(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('eval_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('repo', 'text', (c) => c.notNull())
    .addColumn('repo_key', 'text', (c) => c.notNull())
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('pr', 'integer')
    .addColumn('head_sha', 'text', (c) => c.notNull())
    .addColumn('head_branch', 'text')
    .addColumn('baseline', 'integer', (c) => c.notNull())
    .addColumn('suite', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('active_key', 'text', (c) => c.unique())
    .addColumn('result', 'text')
    .addColumn('check_run_id', 'bigint')
    .addColumn('comment_id', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eval_runs_repo').on('eval_runs').columns(['repo_key', 'pr']).execute();
  await db.schema.createIndex('eval_runs_status').on('eval_runs').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('eval_runs_baseline').on('eval_runs').columns(['repo_key', 'suite', 'baseline', 'status']).execute();
  await db.schema
    .createTable('eval_shards')
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pool', 'text')
    .addColumn('cost', 'double precision', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('eval_shards_pk', ['run', 'shard'])
    .execute();
}

async function createAttempts(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('eval_attempts')
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('pool', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dispatch_id', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('eval_attempts_pk', ['run', 'shard', 'attempt'])
    .execute();
  await db.schema.createIndex('eval_attempts_status').on('eval_attempts').columns(['status']).execute();
  await db.schema.createIndex('eval_attempts_dispatch').on('eval_attempts').columns(['dispatch_id']).execute();
}

async function createQueue(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('eval_queue')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('repo', 'text', (c) => c.notNull())
    .addColumn('installation_id', 'bigint', (c) => c.notNull())
    .addColumn('cost', 'double precision', (c) => c.notNull())
    .addColumn('pool', 'text')
    .addColumn('avoid', 'text', (c) => c.notNull())
    .addColumn('allowed', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dispatch_id', 'text')
    .addColumn('enqueued_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('eval_queue_attempt', ['run', 'shard', 'attempt'])
    .execute();
  await db.schema
    .createTable('eval_dispatches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('repo', 'text', (c) => c.notNull())
    .addColumn('shards', 'text', (c) => c.notNull())
    .addColumn('workflow_run_id', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eval_dispatches_workflow_run').on('eval_dispatches').columns(['workflow_run_id']).execute();
}

async function createLedgers(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_ledger')
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('repo', 'text', (c) => c.notNull())
    .addColumn('repo_key', 'text', (c) => c.notNull())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('pool', 'text', (c) => c.notNull())
    .addColumn('minutes', 'double precision', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_ledger_pk', ['run', 'shard', 'attempt'])
    .execute();
  await db.schema.createIndex('usage_ledger_at').on('usage_ledger').columns(['at']).execute();
  await db.schema
    .createTable('eval_piece_durations')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('repo', 'text', (c) => c.notNull())
    .addColumn('suite', 'text', (c) => c.notNull())
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('samples', 'double precision', (c) => c.notNull())
    .addColumn('seconds', 'double precision', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  // listPieceDurations: one repository's suite, newest first.
  await db.schema.createIndex('eval_piece_durations_newest').on('eval_piece_durations').columns(['owner', 'repo', 'suite', 'at']).execute();
  await db.schema
    .createTable('eval_cursors')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export const createEvaluation: Migration = {
  async up(db: Kysely<unknown>) {
    await createRuns(db);
    await createAttempts(db);
    await createQueue(db);
    await createLedgers(db);
  },
  async down(db: Kysely<unknown>) {
    for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
  },
};
