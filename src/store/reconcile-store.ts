/** The reconcile part of the store (ReconcileStore): the blob text cache and what a run published. */
import { createMergeBaseCache } from './reconcile-merge-bases.js';
import type { Kysely } from 'kysely';
import type { BlobTextCache, CachedBlob } from '../platform/reconcile-port.js';
import { createWrite, type Db, type Dialect, type Write } from './eval-tx.js';
import type { ReconcileOutput, ReconcileStore } from './reconcile-types.js';
import type { Database, ReconcileBlobsTable, ReconcileOutputsTable } from './schema.js';

/** The metadata cap of the reconcile readers (1 MiB, as src/platform/local/reconcile reads files). */
export const MAX_BLOB_TEXT_BYTES = 1024 * 1024;
export const TOO_LARGE_PROBLEM = 'larger than 1 MB';
export const NUL_PROBLEM = 'binary file (it contains a NUL byte)';

/** Ids per SELECT and rows per INSERT (5 values each): far under SQLite's 32,766 and PostgreSQL's
 *  65,535 bound parameters, and under the 999 of SQLite builds older than 3.32. */
const READ_CHUNK = 500;
const WRITE_CHUNK = 150;

export function createReconcileStore(db: Kysely<Database>, dialect: Dialect): ReconcileStore {
  const write = createWrite(db, dialect);
  return {
    blobCache: createBlobCache(db, write),
    mergeBaseCache: createMergeBaseCache(db, write),
    async findReconcileOutput(repoKey, kind) {
      const row = await db
        .selectFrom('reconcile_outputs')
        .selectAll()
        .where('repo_key', '=', repoKey.toLowerCase())
        .where('kind', '=', kind)
        .executeTakeFirst();
      return row ? toOutput(row) : null;
    },
    async saveReconcileOutput(output) {
      const row = toRow(output);
      const { number, content_hash, updated_at } = row;
      await write((trx) =>
        trx
          .insertInto('reconcile_outputs')
          .values(row)
          .onConflict((oc) => oc.columns(['repo_key', 'kind']).doUpdateSet({ number, content_hash, updated_at }))
          .execute(),
      );
    },
    async listReconcileOutputs(repoKey) {
      const rows = await db.selectFrom('reconcile_outputs').selectAll().where('repo_key', '=', repoKey.toLowerCase()).execute();
      // Sorted here, not by ORDER BY: PostgreSQL's collation may order "fork-pr:B…" and "fork-pr:a…" unlike SQLite.
      return rows.map(toOutput).sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    },
  };
}

function createBlobCache(db: Db, write: Write): BlobTextCache {
  return {
    async read(oids) {
      const found = new Map<string, CachedBlob>();
      const unique = [...new Set(oids)];
      for (const ids of chunk(unique, READ_CHUNK)) {
        const rows = await db.selectFrom('reconcile_blobs').select(['oid', 'text', 'problem']).where('oid', 'in', ids).execute();
        for (const row of rows) found.set(row.oid, { oid: row.oid, text: row.text, problem: row.problem });
      }
      return found;
    },
    async write(blobs) {
      const rows = toBlobRows(blobs, new Date().toISOString());
      if (rows.length === 0) return;
      await write(async (trx) => {
        for (const part of chunk(rows, WRITE_CHUNK)) {
          await trx.insertInto('reconcile_blobs').values(part).onConflict((oc) => oc.column('oid').doNothing()).execute();
        }
      });
    },
  };
}

/** One row per id (the first wins), sorted by id: two PostgreSQL writers then take row locks in the
 *  same order and wait for each other instead of deadlocking. */
function toBlobRows(blobs: readonly CachedBlob[], storedAt: string): ReconcileBlobsTable[] {
  const byOid = new Map<string, ReconcileBlobsTable>();
  for (const blob of blobs) if (!byOid.has(blob.oid)) byOid.set(blob.oid, toBlobRow(blob, storedAt));
  return [...byOid.values()].sort((a, b) => (a.oid < b.oid ? -1 : 1));
}

/** A text the cache will not keep is stored without it but with its problem, never dropped: the
 *  reader then knows the blob and does not fetch it again on every run. */
function toBlobRow(blob: CachedBlob, storedAt: string): ReconcileBlobsTable {
  const byteSize = blob.text === null ? 0 : Buffer.byteLength(blob.text, 'utf8');
  const base = { oid: blob.oid, byte_size: byteSize, stored_at: storedAt };
  if (blob.text === null) return { ...base, text: null, problem: blob.problem };
  if (byteSize > MAX_BLOB_TEXT_BYTES) return { ...base, text: null, problem: TOO_LARGE_PROBLEM };
  // PostgreSQL refuses NUL in text columns; SQLite would keep it. Same answer on both.
  if (blob.text.includes('\u0000')) return { ...base, text: null, problem: NUL_PROBLEM };
  return { ...base, text: blob.text, problem: null };
}

function toRow(output: ReconcileOutput): ReconcileOutputsTable {
  return {
    repo_key: output.repoKey.toLowerCase(),
    kind: output.kind,
    number: output.number,
    content_hash: output.contentHash,
    updated_at: output.updatedAt,
  };
}

function toOutput(row: ReconcileOutputsTable): ReconcileOutput {
  return { repoKey: row.repo_key, kind: row.kind, number: Number(row.number), contentHash: row.content_hash, updatedAt: row.updated_at };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}
