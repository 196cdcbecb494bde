/**
 * Fork discovery (research §4 A + B): upstream's paths from one tree request, then every direct
 * fork page by page with each fork's blob ids in the page, then the forks of every fork that has
 * some (GitHub lists direct forks only). About ceil(N / first) + 2 requests for N forks.
 */
import type { GitHubClient } from '../github-client.js';
import { GitHubError } from '../github-error.js';
import { buildFileSelection, type FileSelection } from './file-selection.js';
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
  const query = buildPageQuery(selection);
  const seen = new Set([upstream.record.name]);
  const queue = [upstream.record.name];
  let first = PAGE_SIZES.find((size) => size * selection.weight <= LOOKUPS_PER_PAGE) ?? PAGE_SIZES.at(-1)!;
  while (queue.length) {
    const parent = queue.shift()!;
    let after: string | null = null;
    for (;;) {
      const room = options.maxForks - records.forks.length;
      if (room <= 0) return withNotRead(records, upstream.forkCount);
      const page: ForkPage = await readPageShrinking(client, query, selection, parent, Math.min(first, room), after, (smaller) => (first = smaller));
      records.pages++;
      const fresh = page.forks.filter((fork) => !seen.has(fork.name));
      for (const fork of fresh) seen.add(fork.name);
      records.forks.push(...fresh);
      queue.push(...page.parents.filter((p) => fresh.some((f) => f.name === p)));
      if (!page.hasNextPage || page.endCursor === null) break;
      after = page.endCursor;
    }
  }
  return records;
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
