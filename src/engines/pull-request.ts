/** What Steward knows of a pull request (or a local range): the data the style engine reads. */

export type AuthorType = 'User' | 'Bot' | 'Organization' | 'Unknown';

/** GitHub's CommentAuthorAssociation values; NONE locally. */
export type AuthorAssociation =
  | 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'FIRST_TIMER' | 'FIRST_TIME_CONTRIBUTOR' | 'MANNEQUIN' | 'NONE';

export interface Person {
  name: string;
  email: string;
  /** GitHub login when the email maps to an account. */
  login: string | null;
  type: AuthorType;
}

export interface Commit {
  sha: string;
  message: string;
  author: Person;
  committer: Person;
  parentCount: number;
  /** Signature verified by GitHub; null when unknown (local clones). */
  verified: boolean | null;
}

export type FileStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed';

export interface ChangedFile {
  path: string;
  previousPath: string | null;
  status: FileStatus;
  additions: number;
  deletions: number;
  /** Size in bytes of the blob at head (the pointer's size for an LFS file); null if removed or unknown. */
  size: number | null;
  /** True when the head blob is a Git LFS pointer; null when unknown. */
  lfsPointer: boolean | null;
}

/** What a cap kept Steward from reading. */
export interface Truncation {
  seen: number;
  total: number;
  reason: string;
}

export interface RepositorySettings {
  defaultBranch: string;
  squashMergeAllowed: boolean;
  mergeCommitAllowed: boolean;
  rebaseMergeAllowed: boolean;
  /** Where the squash commit's title comes from (GitHub: PR_TITLE or COMMIT_OR_PR_TITLE). */
  squashMergeCommitTitle: 'PR_TITLE' | 'COMMIT_OR_PR_TITLE' | null;
}

export interface KnownFields {
  title: boolean;
  body: boolean;
  labels: boolean;
}

export interface PullRequest {
  /** null for a local range with no pull request. */
  number: number | null;
  title: string;
  body: string;
  draft: boolean;
  author: { login: string; type: AuthorType; association: AuthorAssociation };
  labels: string[];
  baseRef: string;
  headRef: string;
  baseSha: string;
  headSha: string;
  /** Issues GitHub links to this PR (closingIssuesReferences); null when unknown. */
  linkedIssues: number | null;
  commits: Commit[];
  files: ChangedFile[];
  truncated: { commits: Truncation | null; files: Truncation | null };
  repository: RepositorySettings;
  /** Contents of .gitattributes at head, or null. */
  gitattributes: string | null;
  /** Which pull-request fields the source knows. A local range or a push has no title,
   *  description or labels unless they are given; rules that need them are then skipped. */
  known: KnownFields;
}
