/** What discovery learns about each repository of a fork network: enough to read texts later without listing again. */

/** A metadata file's blob as GitHub described it; size and binary-ness are null when not asked. */
export interface FoundBlob {
  oid: string;
  byteSize: number | null;
  isBinary: boolean | null;
}

export interface RepositoryRecord {
  /** owner/name. */
  name: string;
  parent: string | null;
  /** Default branch name; null when the repository has none (empty) or was skipped. */
  branch: string | null;
  /** Head commit of the default branch. */
  head: string | null;
  /** Metadata path → blob, at the default branch's head. */
  blobs: Map<string, FoundBlob>;
  /** Why it cannot be read, with the fix; null when readable. */
  skipped: string | null;
}

export interface NetworkRecords {
  upstream: RepositoryRecord;
  forks: RepositoryRecord[];
  /** Upstream's recursive tree was cut short by GitHub: paths past the cut are found only by listing. */
  treeTruncated: boolean;
  /** Forks GitHub counts that were not paged because of maxForks. */
  notRead: number;
  /** GraphQL page queries sent (for the count budget). */
  pages: number;
}

/** Metadata files are small text; a larger file is data, not metadata, and is never read. */
export const METADATA_MAX_BYTES = 1024 * 1024;
