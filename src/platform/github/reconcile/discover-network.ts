/**
 * Fork discovery (research §4 A + B): upstream's paths from one tree request, then every direct
 * fork page by page with each fork's blob ids in the page, then the forks of every fork that has
 * some (GitHub lists direct forks only), several small parents per query. About ceil(N / first) + 2
 * requests for N forks.
 */
import type { GitHubClient } from '../github-client.js';
import { GitHubError } from '../github-error.js';
import { buildFileSelection, type FileSelection } from './file-selection.js';
import { readForkBatch, takeBatch, type Parent } from './fork-batch.js';
import { buildPageQuery, readForkPage, type ForkPage } from './fork-page.js';
import { isListed, planGlobs } from './glob-plan.js';
import { readUpstream } from './read-upstream.js';
import type { NetworkRecords, RepositoryRecord } from './types.js';

export interface DiscoverOptions {
  owner: string;
  repo: string;
  globs: readonly string[];
  maxForks: number;
}

/** Object lookups one page may ask for: GitHub kills a query after 10 s (research §3.7). */
const LOOKUPS_PER_PAGE = 5000;
const PAGE_SIZES = [100, 50, 25, 10];

export async function discoverNetwork(client: GitHubClient, options: DiscoverOptions): Promise<NetworkRecords> {
  const plan = planGlobs(options.globs);
  const upstream = await readUpstream(client, options.owner, options.repo, plan);
  const records: NetworkRecords = { upstream: upstream.record, forks: [], treeTruncated: upstream.treeTruncated, notRead: 0, pages: 0 };
  if (upstream.record.skipped !== null || upstream.forkCount === 0) return records;
  const paths = [...new Set([...upstream.record.blobs.keys(), ...plan.literals])].filter((p) => !isListed(plan, p)).sort();
  const selection = buildFileSelection(paths, plan);
  const walk: Walk = {
    client, selection, records, query: buildPageQuery(selection), seen: new Set([upstream.record.name]), queue: [],
    first: PAGE_SIZES.find((size) => size * selection.weight <= LOOKUPS_PER_PAGE) ?? PAGE_SIZES.at(-1)!,
    room: () => options.maxForks - records.forks.length,
  };
  if (!(await pageAlone(walk, upstream.record.name, null))) return withNotRead(records, upstream.forkCount);
  while (walk.queue.length) {
    if (walk.room() <= 0) return withNotRead(records, upstream.forkCount);
    const batch = takeBatch(walk.queue, Math.min(walk.first, walk.room()));
    if (batch.length === 1) {
      if (!(await pageAlone(walk, batch[0]!.name, null))) return withNotRead(records, upstream.forkCount);
      continue;
    }
    const pages = await readForkBatch(client, selection, batch, walk.first);
    records.pages++;
    for (const [i, page] of pages.entries()) {
      const more = take(walk, page);
      if (more && !(await pageAlone(walk, batch[i]!.name, page.endCursor))) return withNotRead(records, upstream.forkCount);
    }
  }
  return records;
}

interface Walk {
  client: GitHubClient;
  selection: FileSelection;
  records: NetworkRecords;
  query: string;
  seen: Set<string>;
  /** Forks with forks of their own, waiting for their first page. */
  queue: Parent[];
  first: number;
  room: () => number;
}

/** Pages one parent's forks from `after` to the end; false when maxForks stopped it. */
async function pageAlone(walk: Walk, parent: string, after: string | null): Promise<boolean> {
  for (;;) {
    const room = walk.room();
    if (room <= 0) return false;
    const page = await readPageShrinking(walk.client, walk.query, walk.selection, parent, Math.min(walk.first, room), after, (smaller) => (walk.first = smaller));
    walk.records.pages++;
    if (!take(walk, page)) return true;
    after = page.endCursor;
  }
}

/** Records a page's new forks and queues their parents; true when the parent has more pages. */
function take(walk: Walk, page: ForkPage): boolean {
  const fresh = page.forks.filter((fork) => !walk.seen.has(fork.name));
  for (const fork of fresh) walk.seen.add(fork.name);
  walk.records.forks.push(...fresh);
  walk.queue.push(...page.parents.filter((p) => fresh.some((f) => f.name === p.name)));
  return page.hasNextPage && page.endCursor !== null;
}

/** A page GitHub timed out on (502/504) is asked again with fewer forks rather than failing the run. */
async function readPageShrinking(
  client: GitHubClient, query: string, selection: FileSelection, parent: string, first: number, after: string | null, shrink: (size: number) => void,
): Promise<ForkPage> {
  try {
    return await readForkPage(client, query, selection, parent, first, after);
  } catch (error) {
    const smaller = PAGE_SIZES.find((size) => size < first);
    if (!(error instanceof GitHubError) || ![502, 504].includes(error.status) || smaller === undefined) throw error;
    shrink(smaller);
    return readPageShrinking(client, query, selection, parent, smaller, after, shrink);
  }
}

/** forkCount counts the whole network: what is past maxForks is said, not silently dropped. */
function withNotRead(records: NetworkRecords, networkCount: number): NetworkRecords {
  records.notRead = Math.max(1, networkCount - records.forks.length);
  return records;
}

export type { RepositoryRecord };
