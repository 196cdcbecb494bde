/**
 * The reconcile reader on a local clone: each remote a fork, read from its remote-tracking refs
 * (never the network: a remote never fetched is skipped, with the `git fetch` that fixes it).
 */
import { listForkRemotes, type ForkRemoteOptions } from '../../../platform/local/reconcile/list-fork-remotes.js';
import { mergeBase } from '../../../platform/local/reconcile/merge-base.js';
import { readAt } from '../../../platform/local/reconcile/read-at.js';
import { readRemoteMetadata } from '../../../platform/local/reconcile/read-remote-metadata.js';
import type { ForkNetworkListing, ReconcileReader, RepositoryFiles } from '../../../workflows/reconcile-types.js';

export function createLocalReconcileReader(repo: string, selection: ForkRemoteOptions): ReconcileReader {
  const refs = new Map<string, string>();
  let upstreamRef = 'HEAD';
  return {
    async listNetwork(): Promise<ForkNetworkListing> {
      const remotes = await listForkRemotes(repo, selection);
      upstreamRef = remotes.upstream.ref;
      // "." is git's name for "this clone": the local default branch is upstream.
      const upstreamName = remotes.upstream.name === '.' ? `local ${remotes.upstream.ref.replace(/^refs\/heads\//, '')}` : remotes.upstream.name;
      refs.set(upstreamName, upstreamRef);
      for (const fork of remotes.forks) if (fork.ref) refs.set(fork.name, fork.ref);
      const forks = remotes.forks.map((f) => ({ name: f.name, parent: null, skipped: f.ref ? null : f.problem ?? `remote "${f.name}" has no fetched branch; run \`git fetch ${f.name}\`` }));
      return { upstream: { name: upstreamName, ref: upstreamRef }, forks };
    },
    async readRepositories(names, globs): Promise<Map<string, RepositoryFiles>> {
      const named = names.flatMap((name) => (refs.has(name) ? [{ name, ref: refs.get(name)! }] : []));
      return readRemoteMetadata(repo, named, globs);
    },
    mergeBase: async (fork) => mergeBase(repo, upstreamRef, refs.get(fork) ?? fork),
    readAt: async (commit, paths) => readAt(repo, commit, paths),
  };
}
