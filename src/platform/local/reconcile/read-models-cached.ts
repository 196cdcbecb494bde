/**
 * readMetadata for many forks, each distinct file parsed once. Forks share most metadata files byte
 * for byte (an equal blob id at an equal path is an equal input), and parsing YAML, not git, is most
 * of the time at 1,000 forks. The result equals readMetadata(files): per-file results concatenated in
 * file order are exactly that whenever no model id is defined in two files; otherwise, to keep the
 * engine's duplicate finding, the fork's files are read together, uncached. Results are shared
 * between forks: treat them as read-only.
 */
import { readMetadata } from '../../../engines/reconcile/read-metadata.js';
import type { MetadataFile, ReadOptions, ReadResult } from '../../../engines/reconcile/types.js';

export type ModelReader = (files: readonly MetadataFile[]) => ReadResult;

export function makeCachedReader(options: ReadOptions): ModelReader {
  const perFile = new Map<string, ReadResult>();
  const readOne = (file: MetadataFile): ReadResult => {
    if (file.blob === null) return readMetadata([file], options);
    const key = `${file.kind}\0${file.path}\0${file.blob}`;
    const cached = perFile.get(key) ?? readMetadata([file], options);
    perFile.set(key, cached);
    return cached;
  };
  return (files) => {
    const results = files.map(readOne);
    const ids = results.flatMap((r) => r.models.map((m) => m.id));
    if (new Set(ids).size !== ids.length) return readMetadata(files, options);
    return { models: results.flatMap((r) => r.models), findings: results.flatMap((r) => r.findings) };
  };
}
