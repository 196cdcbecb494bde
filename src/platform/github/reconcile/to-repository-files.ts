/** One repository's metadata files from its blob ids and the texts read for them. */
import type { MetadataFile } from '../../../engines/reconcile/types.js';
import type { CachedBlob } from '../../reconcile-port.js';
import { planGlobs } from './glob-plan.js';
import type { FoundBlob } from './types.js';

export interface FilesAndProblems {
  files: MetadataFile[];
  problems: { path: string; problem: string }[];
}

export type KindOf = (path: string) => MetadataFile['kind'];

/**
 * Registry files are the paths matching the registry globs, cards the rest; without registry globs,
 * the local reader's rule: a Markdown file is a model card, anything else a registry file.
 */
export function makeKindOf(registryGlobs: readonly string[] | undefined): KindOf {
  if (registryGlobs === undefined) return (path) => (/\.md$/i.test(path) ? 'card' : 'registry');
  const isRegistry = planGlobs(registryGlobs).matches;
  return (path) => (isRegistry(path) ? 'registry' : 'card');
}

export function toRepositoryFiles(
  blobs: ReadonlyMap<string, FoundBlob>, texts: ReadonlyMap<string, CachedBlob>, wanted: (path: string) => boolean, kindOf: KindOf,
): FilesAndProblems {
  const result: FilesAndProblems = { files: [], problems: [] };
  for (const [path, blob] of [...blobs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!wanted(path)) continue;
    const cached = texts.get(blob.oid);
    if (cached?.text != null) result.files.push({ path, text: cached.text, blob: blob.oid, kind: kindOf(path) });
    else result.problems.push({ path, problem: describeProblem(path, blob.oid, cached?.problem ?? null) });
  }
  return result;
}

function describeProblem(path: string, oid: string, problem: string | null): string {
  if (problem === null) return `${path}: GitHub did not return blob ${oid} (changed or deleted since it was listed); run reconcile again`;
  return `${path} cannot be read as metadata (${problem}); metadata must be a YAML, JSON or Markdown text file under 1 MB`;
}
