/**
 * What the reconcile use-case needs from where the repositories live (a local clone's remotes, or
 * GitHub): the network, each repository's metadata files, and the merge base with upstream. The
 * transport implements it; the workflow never touches git or the network itself.
 */
import type { MetadataFile, ReadOptions } from '../engines/reconcile/types.js';

/** A file that matched the globs but could not be metadata (binary, too large, missing blob). */
export interface UnreadableFile {
  /** Repository-relative; '' when the whole repository could not be listed. */
  path: string;
  problem: string;
}

export interface RepositoryFiles {
  files: MetadataFile[];
  problems: UnreadableFile[];
}

export interface NetworkRepository {
  name: string;
  /** The repository it was forked from (upstream or another fork); null when unknown. */
  parent: string | null;
  /** Why it cannot be read at all (private, deleted, never fetched), with the fix; null when readable. */
  skipped: string | null;
}

export interface ForkNetworkListing {
  upstream: { name: string; ref: string | null };
  forks: NetworkRepository[];
}

export interface ReconcileReader {
  listNetwork(): Promise<ForkNetworkListing>;
  /** Metadata files matching `globs` at each named repository's default branch, keyed by name (upstream too). */
  readRepositories(names: readonly string[], globs: readonly string[]): Promise<Map<string, RepositoryFiles>>;
  /** The merge base of upstream and the fork; null when their histories share no commit. */
  mergeBase(fork: string): Promise<string | null>;
  /** The named files at one commit; paths absent there are left out. */
  readAt(commit: string, paths: readonly string[]): Promise<RepositoryFiles>;
  /**
   * Optional: the blob ids upstream held at each path over its recent history. A fork whose file
   * is one of them has not changed it, so no merge base is needed (GitHub: one query instead of a
   * compare request per fork).
   */
  upstreamHistory?(paths: readonly string[]): Promise<Map<string, Set<string>>>;
}

export interface ReconcileOptions extends ReadOptions {
  /** Registry globs (reconcile.paths) and card globs (model-cards.paths) together. */
  globs: string[];
  /** Called as each step starts, for a progress display; never required. */
  onProgress?: (message: string) => void;
}
