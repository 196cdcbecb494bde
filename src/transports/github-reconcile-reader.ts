/**
 * The reconcile reader on GitHub (issue 5): the fork network from GraphQL pages that carry each
 * fork's metadata blob ids, texts only for blob ids the cache lacks, merge bases from REST compare.
 * For N forks: about ceil(N / 100) + 2 requests to list, plus ceil(new blobs / 100) to read.
 */
import type { GitHubClient } from '../platform/github/github-client.js';
import { discoverNetwork } from '../platform/github/reconcile/discover-network.js';
import { splitName } from '../platform/github/reconcile/fork-page.js';
import { planGlobs } from '../platform/github/reconcile/glob-plan.js';
import { readMergeBase } from '../platform/github/reconcile/merge-base.js';
import { readBlobIdsAt } from '../platform/github/reconcile/read-at-commit.js';
import { readBlobTexts, type BlobSource } from '../platform/github/reconcile/read-blob-texts.js';
import { makeKindOf, toRepositoryFiles, type KindOf } from '../platform/github/reconcile/to-repository-files.js';
import type { NetworkRecords, RepositoryRecord } from '../platform/github/reconcile/types.js';
import { readUpstreamHistory } from '../platform/github/reconcile/upstream-history.js';
import type { BlobTextCache, MergeBaseCache } from '../platform/reconcile-port.js';
import type { ForkNetworkListing, ReconcileReader, RepositoryFiles } from '../workflows/reconcile-types.js';

export interface GitHubReconcileOptions {
  owner: string;
  repo: string;
  /** Registry and card globs together; discovery looks for these in every fork. */
  globs: string[];
  /** The registry globs among `globs` (reconcile.paths): matching files are 'registry', the rest 'card'.
   *  Absent: a Markdown file is a card, anything else a registry file (the local reader's rule). */
  registryGlobs?: string[];
  cache: BlobTextCache;
  /** Merge bases by commit pair, so unchanged branches cost no compare request; none: always ask. */
  mergeBases?: MergeBaseCache;
  /** Forks read at most (default 5000); the listing says how many more were not read. */
  maxForks?: number;
}

export type GitHubReconcileReader = ReconcileReader & { upstreamHistory(paths: readonly string[]): Promise<Map<string, Set<string>>> };

const DEFAULT_MAX_FORKS = 5000;

export function createGitHubReconcileReader(client: GitHubClient, options: GitHubReconcileOptions): GitHubReconcileReader {
  let discovery: Promise<NetworkRecords> | null = null;
  const discover = () => (discovery ??= discoverNetwork(client, { ...options, maxForks: options.maxForks ?? DEFAULT_MAX_FORKS }));
  const mergeBases = new Map<string, Promise<string | null>>();
  const upstreamRepo = { owner: options.owner, repo: options.repo };
  const kindOf = makeKindOf(options.registryGlobs);
  return {
    listNetwork: async () => toListing(await discover()),
    async readRepositories(names, globs) {
      const network = await discover();
      const byName = new Map([network.upstream, ...network.forks].map((r) => [r.name, r]));
      const named = names.map((name) => byName.get(name));
      const texts = await readBlobTexts(client, options.cache, named.flatMap((r) => (r && r.skipped === null ? sourcesOf(r) : [])));
      const wanted = planGlobs(globs).matches;
      return new Map(names.map((name, i) => [name, filesOf(named[i], name, texts, { wanted, kindOf }, network)]));
    },
    mergeBase(fork) {
      if (!mergeBases.has(fork)) mergeBases.set(fork, findMergeBase(client, discover, fork, options.mergeBases));
      return mergeBases.get(fork)!;
    },
    async readAt(commit, paths) {
      const blobs = await readBlobIdsAt(client, upstreamRepo, commit, paths);
      const holder = (await discover()).upstream.name;
      const texts = await readBlobTexts(client, options.cache, [...blobs.values()].map((b) => ({ ...b, holder })));
      return toRepositoryFiles(blobs, texts, () => true, kindOf);
    },
    async upstreamHistory(paths) {
      const head = (await discover()).upstream.head;
      return head === null ? new Map(paths.map((p) => [p, new Set<string>()])) : readUpstreamHistory(client, upstreamRepo, head, paths);
    },
  };
}

function sourcesOf(record: RepositoryRecord): BlobSource[] {
  return [...record.blobs.values()].map((blob) => ({ ...blob, holder: record.name }));
}

function filesOf(
  record: RepositoryRecord | undefined, name: string, texts: Parameters<typeof toRepositoryFiles>[1],
  select: { wanted: (path: string) => boolean; kindOf: KindOf }, network: NetworkRecords,
): RepositoryFiles {
  if (!record) return { files: [], problems: [{ path: '', problem: `"${name}" is not in the fork network GitHub listed; check the name` }] };
  if (record.skipped !== null) return { files: [], problems: [{ path: '', problem: record.skipped }] };
  const result = toRepositoryFiles(record.blobs, texts, select.wanted, select.kindOf);
  if (record === network.upstream && network.treeTruncated) {
    result.problems.push({ path: '.', problem: 'GitHub truncated upstream\'s file list (over 100,000 entries or 7 MB): metadata files deeper than the glob listings reach may be missing' });
  }
  return result;
}

function toListing(network: NetworkRecords): ForkNetworkListing {
  const { upstream } = network;
  const forks = network.forks.map((f) => ({ name: f.name, parent: f.parent, skipped: f.skipped }));
  if (network.notRead > 0) {
    forks.push({
      name: `${upstream.name} (${network.notRead} more forks)`, parent: upstream.name,
      skipped: `not read: the network has more forks than maxForks allows (${network.forks.length} were read); raise maxForks to include them`,
    });
  }
  return { upstream: { name: upstream.name, ref: upstream.branch }, forks };
}

async function findMergeBase(client: GitHubClient, discover: () => Promise<NetworkRecords>, fork: string, cache?: MergeBaseCache): Promise<string | null> {
  const network = await discover();
  const record = network.forks.find((f) => f.name === fork);
  if (!record?.branch || !network.upstream.branch) return null;
  const pair = network.upstream.head && record.head ? `${network.upstream.head}...${record.head}` : null;
  const known = pair && cache ? await cache.readMergeBase(pair) : undefined;
  if (known !== undefined) return known;
  const [owner, repo] = splitName(network.upstream.name);
  const base = await readMergeBase(client, { owner, repo, branch: network.upstream.branch }, { owner: splitName(fork)[0], branch: record.branch });
  if (pair && cache) await cache.writeMergeBase(pair, base);
  return base;
}
