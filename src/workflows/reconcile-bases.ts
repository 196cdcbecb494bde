/**
 * The models at each fork's merge base with upstream: the common ancestor of the three-way
 * comparison. Forks taken from the same upstream commit share a merge base, so each distinct
 * commit is read once, for every metadata path any repository of the network holds.
 */
import { readMetadata } from '../engines/reconcile/read-metadata.js';
import type { ModelMetadata } from '../engines/reconcile/types.js';
import type { ReconcileOptions, ReconcileReader, RepositoryFiles } from './reconcile-types.js';
import { runBounded } from '../engines/run-bounded.js';

/** id → model at the merge base; a fork with no merge base has no entry (base unknown). */
export type BaseModels = Map<string, ModelMetadata>;

/** A merge base is one short `git merge-base` (or one compare request): a few at once hide start-up time. */
const MERGE_BASE_CONCURRENCY = 8;

interface Repository {
  name: string;
  files: RepositoryFiles;
}

export async function readBases(
  reader: ReconcileReader,
  upstream: Repository,
  forks: readonly Repository[],
  options: ReconcileOptions,
): Promise<Map<string, BaseModels>> {
  const paths = [...new Set([upstream, ...forks].flatMap((r) => r.files.files.map((f) => f.path)))].sort();
  const byCommit = new Map<string, Promise<BaseModels>>();
  const bases = new Map<string, BaseModels>();
  if (forks.length) options.onProgress?.(`finding the merge base of ${forks.length} fork${forks.length === 1 ? '' : 's'} with upstream`);
  const commits = await runBounded(forks, MERGE_BASE_CONCURRENCY, (fork) => reader.mergeBase(fork.name));
  for (const [i, fork] of forks.entries()) {
    const commit = commits[i]!;
    if (commit === null) continue;
    if (!byCommit.has(commit)) byCommit.set(commit, readModelsAt(reader, commit, paths, options));
    bases.set(fork.name, await byCommit.get(commit)!);
  }
  return bases;
}

/** History's findings are not reported: nobody can fix a merge base, only the current branches. */
async function readModelsAt(reader: ReconcileReader, commit: string, paths: readonly string[], options: ReconcileOptions): Promise<BaseModels> {
  const files = await reader.readAt(commit, paths);
  return new Map(readMetadata(files.files, options).models.map((m) => [m.id, m]));
}
