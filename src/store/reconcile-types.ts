/**
 * The reconcile part of the store (issue 5): blob texts by git blob id (the GitHub reader's cache,
 * so a second run with nothing changed reads no text) and what a reconcile run published, so the
 * next run edits the same issue and pull requests instead of opening new ones.
 */
import type { BlobTextCache, MergeBaseCache } from '../platform/reconcile-port.js';

/** One thing a reconcile run published for a repository. */
export interface ReconcileOutput {
  /** "owner/repo" of the upstream repository, lower-cased. */
  repoKey: string;
  /** "issue", "registry-pr", or "fork-pr:<owner>/<repo>" for a pull request into a fork. */
  kind: string;
  /** The issue or pull request number. */
  number: number;
  /** What it proposed (sha256 of the content) so an unchanged proposal is not written again; null for the issue. */
  contentHash: string | null;
  updatedAt: string;
}

export interface ReconcileStore {
  /** The blob cache (BlobTextCache): texts above 1 MB are not kept, only their problem. */
  blobCache: BlobTextCache;
  /** Merge bases by commit pair (migration 0005): a pair never changes its merge base. */
  mergeBaseCache: MergeBaseCache;
  /** The output of this kind for this repository; null when none was recorded. */
  findReconcileOutput(repoKey: string, kind: string): Promise<ReconcileOutput | null>;
  /** Records or replaces the output of (repoKey, kind). */
  saveReconcileOutput(output: ReconcileOutput): Promise<void>;
  /** Every output recorded for the repository (the fork pull requests of a network), by kind. */
  listReconcileOutputs(repoKey: string): Promise<ReconcileOutput[]>;
}
