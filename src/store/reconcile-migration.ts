/** Migration 0004: the reconcile tables (issue 5). Once released, never edited: append a new migration.
 *  Blob ids and (repository, kind) are primary keys, so two replicas writing the same blob or
 *  output at once can never store it twice. */
import type { Kysely, Migration } from 'kysely';

export const createReconcile: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reconcile_blobs')
      .addColumn('oid', 'text', (c) => c.primaryKey())
      .addColumn('text', 'text')
      .addColumn('problem', 'text')
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('reconcile_outputs')
      .addColumn('repo_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reconcile_outputs_pk', ['repo_key', 'kind'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('reconcile_outputs').ifExists().execute();
    await db.schema.dropTable('reconcile_blobs').ifExists().execute();
  },
};
