/**
 * Ports of fork reconciliation on GitHub (issue 5): the text cache keyed by git blob id (the store
 * implements it, the GitHub reader uses it, so a second run with nothing changed reads no text) and
 * the writes that publish the result (issue, registry pull request, pull requests to forks).
 */

/** A blob's text as read once; equal blob ids are equal bytes in every repository of the network. */
export interface CachedBlob {
  /** The git blob id (40 hex). */
  oid: string;
  /** The UTF-8 text; null when it is not usable metadata (binary, larger than the cap, truncated). */
  text: string | null;
  /** Why `text` is null, said to the person who can fix it ("binary file", "larger than 1 MB"); null when text is set. */
  problem: string | null;
}

export interface BlobTextCache {
  /** The cached blobs among `oids`; unknown ids are absent from the map. */
  read(oids: readonly string[]): Promise<Map<string, CachedBlob>>;
  /** Stores blobs; an id already stored is left as it is (its bytes cannot differ). */
  write(blobs: readonly CachedBlob[]): Promise<void>;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

/** What a publishing write did: nothing (already as wanted), created, or updated in place. */
export type PublishState = 'unchanged' | 'created' | 'updated';

export interface IssuePublication {
  title: string;
  /** Markdown; carries the hidden RECONCILE_MARKER so the issue is found again if the store forgets it. */
  body: string;
  /** The issue number the store remembers; null when none. A closed or deleted one is replaced. */
  known: number | null;
}

export interface FileProposal {
  /** The branch Steward owns in the target repository, e.g. "steward/registry" or "steward/sync-metadata". */
  branch: string;
  /** Files to write on top of the target's default branch, repository-relative. */
  files: { path: string; content: string }[];
  title: string;
  body: string;
  /** The commit message of the one commit Steward makes on its branch. */
  message: string;
}

export interface Publication {
  /** The issue or pull request number; null when nothing needed proposing (the files already hold this content). */
  number: number | null;
  state: PublishState;
}

/**
 * The writes of a reconcile run. Every content-creating request (issues, pull requests, commits)
 * is paced under GitHub's secondary limit (80 a minute) and retried on rate-limit answers.
 */
export interface ReconcilePublisher {
  /** The one issue "Steward: model registry across forks", edited in place (never a second one). */
  publishIssue(repo: RepoRef, issue: IssuePublication): Promise<Publication>;
  /**
   * Proposes files through one pull request from `branch` to the default branch: opened once,
   * then updated (the branch moved, title and body edited); nothing written when the default branch
   * or the open pull request already holds exactly these files. Never force-pushes a branch it did not create.
   */
  proposeFiles(repo: RepoRef, proposal: FileProposal): Promise<Publication>;
}

/**
 * Merge bases by the pair of commits they join ("<upstream head>...<fork head>"): a pair of commits
 * never changes its merge base, so a run where neither side moved asks GitHub nothing.
 */
export interface MergeBaseCache {
  /** The merge base of the pair; null when known to share no history; undefined when not known. */
  readMergeBase(pair: string): Promise<string | null | undefined>;
  writeMergeBase(pair: string, base: string | null): Promise<void>;
}
