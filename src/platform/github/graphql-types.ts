/** Shapes of the GraphQL answers the adapter reads (only the selected fields). Internal to the adapter. */

export interface GqlPageInfo { hasNextPage: boolean; endCursor: string | null }

export interface GqlActor { name: string | null; email: string | null; user: { login: string } | null }

export interface GqlCommit {
  oid: string;
  message: string;
  author: GqlActor | null;
  committer: GqlActor | null;
  parents: { totalCount: number };
  signature: { isValid: boolean } | null;
}

export interface GqlCommits { totalCount: number; pageInfo: GqlPageInfo; nodes: ({ commit: GqlCommit } | null)[] | null }

export interface GqlFile { path: string; additions: number; deletions: number; changeType: string }

export interface GqlFiles { totalCount: number; pageInfo: GqlPageInfo; nodes: (GqlFile | null)[] | null }

export interface GqlBlob { text?: string | null; byteSize?: number; isBinary?: boolean | null }

export interface GqlCheckRun { databaseId: number | null; status: string; summary: string | null; annotations: { totalCount: number } | null }

export interface GqlHeadCommit {
  checkSuites?: { nodes: ({ checkRuns: { nodes: (GqlCheckRun | null)[] | null } | null } | null)[] | null } | null;
}

export interface GqlPullRequest {
  number: number;
  title: string;
  body: string;
  isDraft: boolean;
  changedFiles: number;
  author: { login: string; __typename: string } | null;
  authorAssociation: string;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
  baseRefName: string;
  headRefName: string;
  baseRefOid: string;
  headRefOid: string;
  closingIssuesReferences: { totalCount: number } | null;
  commits: GqlCommits;
  files: GqlFiles | null;
}

export interface GqlRepository {
  squashMergeAllowed: boolean;
  mergeCommitAllowed: boolean;
  rebaseMergeAllowed: boolean;
  squashMergeCommitTitle: string | null;
  defaultBranchRef: { name: string } | null;
  config: GqlBlob | null;
  gitattributes?: GqlBlob | null;
  headCommit?: GqlHeadCommit | null;
  pullRequest: GqlPullRequest | null;
}

export interface PullRequestAnswer {
  repository: GqlRepository | null;
  organization: { config: GqlBlob | null } | null;
}

export interface PageAnswer {
  repository: ({
    pullRequest?: { commits?: GqlCommits; files?: GqlFiles | null } | null;
    gitattributes?: GqlBlob | null;
    headCommit?: GqlHeadCommit | null;
  } & Record<string, unknown>) | null;
}
