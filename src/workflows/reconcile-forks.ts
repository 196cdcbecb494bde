/**
 * Use-case: reconcile model metadata across a fork network (issue 5). Reads upstream and every
 * readable fork through the reader, judges each model in each fork against upstream with the merge
 * base's copy as the common ancestor, and returns the report every renderer draws.
 */
import { buildLineage } from '../engines/reconcile/build-lineage.js';
import { classifyModel } from '../engines/reconcile/classify-model.js';
import { makeCachedReader, type ModelReader } from '../engines/reconcile/read-metadata-cached.js';
import type { ForkNode, ModelReport, ReconcileReport } from '../engines/reconcile/report-types.js';
import type { ModelMetadata } from '../engines/reconcile/types.js';
import { describeUnreadable, mergeOwnedFindings, type OwnedFinding } from './reconcile-findings.js';
import { readBases, type BaseModels } from './reconcile-bases.js';
import type { ReconcileOptions, ReconcileReader, RepositoryFiles } from './reconcile-types.js';

export interface ReconcileOutcome {
  report: ReconcileReport;
  /** Why upstream could not be read (the report then holds no models); null when it was read. */
  upstreamProblem: string | null;
  /** The files read, by repository name (upstream too): what pull requests to forks are made of. */
  files: Map<string, RepositoryFiles>;
}

interface ReadRepository {
  name: string;
  files: RepositoryFiles;
  models: Map<string, ModelMetadata>;
  /** Files whose models could not be read (malformed, binary, too large): what they hold is unknown. */
  unreadable: Set<string>;
}

export async function reconcileForks(reader: ReconcileReader, options: ReconcileOptions): Promise<ReconcileOutcome> {
  const listing = await reader.listNetwork();
  const upstreamName = listing.upstream.name;
  const readable = listing.forks.filter((f) => f.skipped === null).map((f) => f.name);
  options.onProgress?.(`reading metadata of upstream and ${readable.length} fork${readable.length === 1 ? '' : 's'}`);
  const files = await reader.readRepositories([upstreamName, ...readable], options.globs);
  const upstreamFiles = files.get(upstreamName) ?? { files: [], problems: [{ path: '', problem: `upstream "${upstreamName}" was not read` }] };
  const upstreamProblem = wholeProblem(upstreamFiles);
  const forks: ForkNode[] = listing.forks.map((f) => ({ name: f.name, parent: f.parent, skipped: f.skipped ?? skipReason(files.get(f.name), f.name) }));
  if (upstreamProblem !== null) return { report: { upstream: listing.upstream, forks, models: [], findings: [] }, upstreamProblem, files };
  const owned: OwnedFinding[] = [];
  // Forks share most files byte for byte: each distinct blob is parsed once for the whole network.
  const readModels = makeCachedReader(options);
  const upstream = readRepository(upstreamName, upstreamFiles, readModels, owned);
  const read = forks.filter((f) => f.skipped === null).map((f) => readRepository(f.name, files.get(f.name)!, readModels, owned));
  const bases = await readBases(reader, upstream, read, { ...options, readModels });
  const models = compareModels(upstream, read, bases);
  const everyModel = [upstream, ...read].flatMap((r) => [...r.models.values()]);
  const findings = [...mergeOwnedFindings(upstreamName, owned), ...buildLineage(everyModel).findings];
  return { report: { upstream: listing.upstream, forks, models, findings }, upstreamProblem: null, files };
}

function wholeProblem(files: RepositoryFiles): string | null {
  return files.problems.find((p) => p.path === '')?.problem ?? null;
}

function skipReason(files: RepositoryFiles | undefined, name: string): string | null {
  if (!files) return `fork "${name}" was not read`;
  return wholeProblem(files);
}

function readRepository(name: string, files: RepositoryFiles, readModels: ModelReader, owned: OwnedFinding[]): ReadRepository {
  const result = readModels(files.files);
  owned.push(...result.findings.map((finding) => ({ repository: name, finding })), ...describeUnreadable(name, files.problems));
  const read = new Set(result.models.map((m) => m.path));
  const broken = result.findings.flatMap((f) => (f.path !== null && !read.has(f.path) ? [f.path] : []));
  const unreadable = new Set([...broken, ...files.problems.map((p) => p.path)]);
  return { name, files, models: new Map(result.models.map((m) => [m.id, m])), unreadable };
}

/**
 * Every model of upstream or any fork, by id; a fork appears under a model only when one side holds
 * it. A model the fork lacks because its file there is unreadable is not judged: calling it
 * "removed" would be wrong, and the file's finding already says what to fix.
 */
function compareModels(upstream: ReadRepository, forks: readonly ReadRepository[], bases: Map<string, BaseModels>): ModelReport[] {
  const ids = [...new Set([upstream, ...forks].flatMap((r) => [...r.models.keys()]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => {
    const ours = upstream.models.get(id) ?? null;
    const judged = forks.flatMap((fork) => {
      const theirs = fork.models.get(id) ?? null;
      if (!ours && !theirs) return [];
      const baseModels = bases.get(fork.name);
      if (!theirs && (fork.unreadable.has(ours!.path) || fork.unreadable.has(baseModels?.get(id)?.path ?? ''))) return [];
      const base = baseModels === undefined ? undefined : baseModels.get(id) ?? null;
      return [{ fork: fork.name, metadata: theirs, verdict: classifyModel({ upstream: ours, fork: theirs, base }) }];
    });
    return { id, upstream: ours, forks: judged };
  });
}
