/**
 * One page of a repository's direct forks, with each fork's metadata blob ids in the SAME query
 * (no request per fork). GitHub answers partially when some forks cannot be read: a null node or a
 * NOT_FOUND/FORBIDDEN error under one node skips that fork with the reason, never the page.
 */
import type { GitHubClient } from '../github-client.js';
import { runGraphql, type GraphqlErrorEntry } from '../run-graphql.js';
import type { FileSelection } from './file-selection.js';
import { describeSkip, type ForkNode } from './skip-reason.js';
import type { RepositoryRecord } from './types.js';

export interface ForkPage {
  forks: RepositoryRecord[];
  /** Forks that have forks of their own, with how many: page them next. */
  parents: { name: string; forkCount: number }[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface ForksAnswer {
  forks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: (ForkNode | null)[] | null };
}

interface PageAnswer {
  repository: ForksAnswer | null;
}

export function buildPageQuery(selection: FileSelection): string {
  return `query StewardForkPage($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
${forksField(selection, '$first', '$after')}
  }
}`;
}

/** The forks connection with each fork's fields and blob ids: one page query or one alias of a batch. */
export function forksField(selection: FileSelection, first: string, after: string): string {
  return `    forks(first: ${first}, after: ${after}, orderBy: {field: CREATED_AT, direction: ASC}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        nameWithOwner forkCount isPrivate isLocked isDisabled isEmpty
        defaultBranchRef { name target { oid } }
${selection.text}
      }
    }`;
}

/** Errors under a fork node or a repository gone since it was listed: that part is skipped, the rest is kept. */
export const tolerateNodeErrors = (e: GraphqlErrorEntry) => (e.type === 'NOT_FOUND' || e.type === 'FORBIDDEN') && (e.path?.length ?? 0) >= 1;

export async function readForkPage(
  client: GitHubClient, query: string, selection: FileSelection, parent: string, first: number, after: string | null,
): Promise<ForkPage> {
  const [owner, name] = splitName(parent);
  const errors: GraphqlErrorEntry[] = [];
  const tolerate = (e: GraphqlErrorEntry) => (tolerateNodeErrors(e) ? (errors.push(e), true) : false);
  const data = await runGraphql<PageAnswer>(client, 'StewardForkPage', query, { owner, name, first, after }, tolerate);
  return toForkPage(data.repository, parent, selection, errors);
}

/** One repository's answer as a page; `errors` are those under its alias (path[3] is the node's index). */
export function toForkPage(answer: ForksAnswer | null, parent: string, selection: FileSelection, errors: GraphqlErrorEntry[]): ForkPage {
  const forks = answer?.forks;
  if (!forks) return { forks: [], parents: [], totalCount: 0, endCursor: null, hasNextPage: false };
  const nodes = forks.nodes ?? [];
  const records = nodes.map((node, i) => toRecord(node, i, parent, selection, errors.filter((e) => e.path?.[3] === i)));
  return {
    forks: records,
    parents: nodes.flatMap((n, i) => (n && n.forkCount > 0 && records[i]!.skipped === null ? [{ name: n.nameWithOwner, forkCount: n.forkCount }] : [])),
    totalCount: forks.totalCount,
    endCursor: forks.pageInfo.endCursor,
    hasNextPage: forks.pageInfo.hasNextPage,
  };
}

function toRecord(node: ForkNode | null, index: number, parent: string, selection: FileSelection, errors: GraphqlErrorEntry[]): RepositoryRecord {
  const name = node?.nameWithOwner ?? `${parent} (unreadable fork ${index + 1})`;
  const skipped = describeSkip(node, parent, errors);
  const ref = node?.defaultBranchRef;
  const blobs = skipped === null && node ? selection.read(node as unknown as Record<string, unknown>) : new Map();
  return { name, parent, branch: ref?.name ?? null, head: ref?.target?.oid ?? null, blobs, skipped };
}

export function splitName(nameWithOwner: string): [string, string] {
  const slash = nameWithOwner.indexOf('/');
  return [nameWithOwner.slice(0, slash), nameWithOwner.slice(slash + 1)];
}
