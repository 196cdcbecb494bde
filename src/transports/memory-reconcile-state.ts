/**
 * The blob cache and the output ledger kept in memory, for runs without a store (the scheduled
 * Action, the request benchmark). A second run in the same process reads no text it has seen.
 */
import type { BlobTextCache, CachedBlob, MergeBaseCache } from '../platform/reconcile-port.js';
import type { LedgerEntry, OutputLedger } from '../workflows/reconcile-publish-types.js';

export function createMemoryBlobCache(): BlobTextCache & { size(): number } {
  const blobs = new Map<string, CachedBlob>();
  return {
    read: async (oids) => new Map(oids.flatMap((oid) => (blobs.has(oid) ? [[oid, blobs.get(oid)!] as const] : []))),
    write: async (written) => {
      for (const blob of written) if (!blobs.has(blob.oid)) blobs.set(blob.oid, blob);
    },
    size: () => blobs.size,
  };
}

export function createMemoryLedger(): OutputLedger {
  const entries = new Map<string, LedgerEntry>();
  const key = (repoKey: string, kind: string) => `${repoKey.toLowerCase()}\n${kind}`;
  return {
    findReconcileOutput: async (repoKey, kind) => entries.get(key(repoKey, kind)) ?? null,
    saveReconcileOutput: async (entry) => void entries.set(key(entry.repoKey, entry.kind), entry),
  };
}

export function createMemoryMergeBases(): MergeBaseCache {
  const bases = new Map<string, string | null>();
  return {
    readMergeBase: async (pair) => bases.get(pair),
    writeMergeBase: async (pair, base) => void (bases.has(pair) || bases.set(pair, base)),
  };
}
