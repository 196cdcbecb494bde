/**
 * Upstream's side of discovery: its default branch and head (one GraphQL query), then every
 * metadata path it holds from ONE recursive tree request (REST), matched against the globs.
 */
import type { GitHubClient } from '../github-client.js';
import { restCall } from '../rest-call.js';
import { runGraphql } from '../run-graphql.js';
import type { GlobPlan } from './glob-plan.js';
import type { RepositoryRecord } from './types.js';

export interface UpstreamRead {
  record: RepositoryRecord;
  forkCount: number;
  treeTruncated: boolean;
}

const UPSTREAM_QUERY = `query StewardNetworkUpstream($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    forkCount
    defaultBranchRef { name target { oid } }
  }
}`;

interface UpstreamAnswer {
  repository: { nameWithOwner: string; forkCount: number; defaultBranchRef: { name: string; target: { oid: string } | null } | null };
}

interface TreeAnswer {
  truncated: boolean;
  tree: { path?: string; type?: string; sha?: string; size?: number; mode?: string }[];
}

const SYMLINK_MODE = '120000';

export async function readUpstream(client: GitHubClient, owner: string, repo: string, plan: GlobPlan): Promise<UpstreamRead> {
  const data = await runGraphql<UpstreamAnswer>(client, 'StewardNetworkUpstream', UPSTREAM_QUERY, { owner, name: repo }, () => false);
  const { nameWithOwner, forkCount, defaultBranchRef } = data.repository;
  const head = defaultBranchRef?.target?.oid ?? null;
  const record: RepositoryRecord = { name: nameWithOwner, parent: null, branch: defaultBranchRef?.name ?? null, head, blobs: new Map(), skipped: null };
  if (head === null) {
    record.skipped = `upstream "${nameWithOwner}" has no default branch (it is empty); push a branch with the metadata files first`;
    return { record, forkCount, treeTruncated: false };
  }
  const response = await restCall(client, 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner, repo, tree_sha: head, recursive: '1' });
  const tree = response.data as TreeAnswer;
  for (const entry of tree.tree) {
    if (entry.type !== 'blob' || !entry.path || !entry.sha || entry.mode === SYMLINK_MODE || !plan.matches(entry.path)) continue;
    record.blobs.set(entry.path, { oid: entry.sha, byteSize: entry.size ?? null, isBinary: null });
  }
  return { record, forkCount, treeTruncated: tree.truncated };
}
