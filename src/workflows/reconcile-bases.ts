/**
 * The models at each fork's merge base with upstream: the common ancestor of the three-way
 * comparison. Only forks whose models differ from upstream need one (equal content is in sync
 * whatever the base). A fork whose differing files are all old upstream versions (their blob ids
 * are in upstream's history of the same path) has not touched them: that copy is the base, no
 * merge-base request needed. The rest ask the reader; forks taken from the same upstream commit
 * share a merge base, so each distinct commit is read once.
 */
import type { ModelReader } from '../engines/reconcile/read-metadata-cached.js';
import type { ModelMetadata } from '../engines/reconcile/types.js';
import type { ReconcileOptions, ReconcileReader, RepositoryFiles } from './reconcile-types.js';
import { runBounded } from '../engines/run-bounded.js';
import { compareVersions } from '../engines/reconcile/compare-versions.js';

/** id → model at the merge base; a fork with no entry has no known base (none needed, or none shared). */
export type BaseModels = Map<string, ModelMetadata>;

/** A merge base is one short `git merge-base` (or one compare request): a few at once hide start-up time. */
const MERGE_BASE_CONCURRENCY = 8;

export interface BaseInput {
  name: string;
  files: RepositoryFiles;
  models: Map<string, ModelMetadata>;
}

export async function readBases(
  reader: ReconcileReader,
  upstream: BaseInput,
  forks: readonly BaseInput[],
  options: ReconcileOptions & { readModels: ModelReader },
): Promise<Map<string, BaseModels>> {
  const differing = forks.filter((fork) => differs(upstream.models, fork.models));
  const bases = new Map<string, BaseModels>();
  const history = differing.length && reader.upstreamHistory ? await reader.upstreamHistory(pathsOf([upstream])) : null;
  const unexplained = differing.filter((fork) => {
    const inferred = history ? inferUntouched(upstream.models, fork.models, history) : null;
    if (inferred) bases.set(fork.name, inferred);
    return !inferred;
  });
  if (!unexplained.length) return bases;
  options.onProgress?.(`finding the merge base of ${unexplained.length} fork${unexplained.length === 1 ? '' : 's'} with upstream`);
  const commits = await runBounded(unexplained, MERGE_BASE_CONCURRENCY, (fork) => reader.mergeBase(fork.name));
  const paths = pathsOf([upstream, ...forks]);
  const byCommit = new Map<string, Promise<BaseModels>>();
  for (const [i, fork] of unexplained.entries()) {
    const commit = commits[i]!;
    if (commit === null) continue;
    if (!byCommit.has(commit)) byCommit.set(commit, readModelsAt(reader, commit, paths, options));
    bases.set(fork.name, await byCommit.get(commit)!);
  }
  return bases;
}

function pathsOf(repositories: readonly BaseInput[]): string[] {
  return [...new Set(repositories.flatMap((r) => r.files.files.map((f) => f.path)))].sort();
}

function differs(upstream: Map<string, ModelMetadata>, fork: Map<string, ModelMetadata>): boolean {
  if (upstream.size !== fork.size) return true;
  for (const [id, model] of fork) if (upstream.get(id)?.contentHash !== model.contentHash) return true;
  return false;
}

/**
 * The base when every model that differs is the fork's unchanged copy of an older upstream file
 * (present on both sides at the same path, the fork's blob among upstream's past blobs there) or
 * carries upstream's version number (a conflict whatever the base). A model on one side only, or
 * a blob upstream never held under another version, needs the real merge base.
 */
function inferUntouched(upstream: Map<string, ModelMetadata>, fork: Map<string, ModelMetadata>, history: Map<string, Set<string>>): BaseModels | null {
  const base: BaseModels = new Map();
  for (const id of new Set([...upstream.keys(), ...fork.keys()])) {
    const ours = upstream.get(id);
    const theirs = fork.get(id);
    if (!ours || !theirs) return null;
    // Equal content is in sync, the same version with other content a conflict: whatever the base.
    if (ours.contentHash === theirs.contentHash || sameVersion(ours, theirs)) continue;
    if (theirs.path !== ours.path || theirs.blob === null || !history.get(ours.path)?.has(theirs.blob)) return null;
    base.set(id, theirs);
  }
  return base;
}

function sameVersion(a: ModelMetadata, b: ModelMetadata): boolean {
  return a.version !== null && b.version !== null && compareVersions(a.version, b.version) === 0;
}

/** History's findings are not reported: nobody can fix a merge base, only the current branches. */
async function readModelsAt(reader: ReconcileReader, commit: string, paths: readonly string[], options: { readModels: ModelReader }): Promise<BaseModels> {
  const files = await reader.readAt(commit, paths);
  return new Map(options.readModels(files.files).models.map((m) => [m.id, m]));
}
