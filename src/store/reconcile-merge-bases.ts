/**
 * Migration 0005 and the merge-base cache of fork reconciliation: one row per pair of commits
 * ("<upstream head>...<fork head>"), which never changes its merge base, so a second run where no
 * branch moved sends no compare request. Two replicas storing the same pair keep one row.
 */
import type { Kysely, Migration } from 'kysely';
import type { MergeBaseCache } from '../platform/reconcile-port.js';
import type { Database } from './schema.js';
import type { Write } from './eval-tx.js';

export const createMergeBases: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reconcile_merge_bases')
      .addColumn('pair', 'text', (c) => c.primaryKey())
      .addColumn('merge_base', 'text')
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('reconcile_merge_bases').ifExists().execute();
  },
};

export function createMergeBaseCache(db: Kysely<Database>, write: Write): MergeBaseCache {
  return {
    async readMergeBase(pair) {
      const row = await db.selectFrom('reconcile_merge_bases').select('merge_base').where('pair', '=', pair).executeTakeFirst();
      return row === undefined ? undefined : row.merge_base;
    },
    async writeMergeBase(pair, base) {
      await write(async (trx) => {
        await trx.insertInto('reconcile_merge_bases').values({ pair, merge_base: base, stored_at: new Date().toISOString() })
          .onConflict((oc) => oc.column('pair').doNothing()).execute();
      });
    },
  };
}
