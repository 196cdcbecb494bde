/**
 * readMetadata for many forks, each distinct file parsed once. Forks share most metadata files byte
 * for byte (an equal blob id at an equal path is an equal input), and parsing YAML, not git, was most
 * of the time at 1,000 forks. The result equals readMetadata(files): per-file results concatenated in
 * file order are exactly that whenever no model id is defined in two files; otherwise, to keep the
 * engine's duplicate finding, the fork's files are read together, uncached. Results are shared
 * between forks: treat them as read-only.
 */
import { readMetadata } from './read-metadata.js';
import type { MetadataFile, ReadOptions, ReadResult } from './types.js';

export type ModelReader = (files: readonly MetadataFile[]) => ReadResult;

export function makeCachedReader(options: ReadOptions): ModelReader {
  const perFile = new Map<string, ReadResult>();
  // The adapters hand every fork the same file object for a shared blob: one lookup by identity
  // instead of building and hashing a path-and-blob key 6,000 times.
  const perObject = new WeakMap<MetadataFile, ReadResult>();
  const readOne = (file: MetadataFile): ReadResult => {
    const known = perObject.get(file);
    if (known) return known;
    if (file.blob === null) return readMetadata([file], options);
    const key = `${file.kind}\0${file.path}\0${file.blob}`;
    const cached = perFile.get(key) ?? readMetadata([file], options);
    perFile.set(key, cached);
    perObject.set(file, cached);
    return cached;
  };
  return (files) => {
    const results = files.map(readOne);
    if (results.length === 1) return results[0]!;
    return joinResults(results) ?? readMetadata(files, options);
  };
}

/** The files' results in order, or null when a model id appears twice (the engine then reports it). */
function joinResults(results: readonly ReadResult[]): ReadResult | null {
  const ids = new Set<string>();
  const models: ReadResult['models'] = [];
  const findings: ReadResult['findings'] = [];
  for (const result of results) {
    for (const model of result.models) {
      if (ids.has(model.id)) return null;
      ids.add(model.id);
      models.push(model);
    }
    for (const finding of result.findings) findings.push(finding);
  }
  return { models, findings };
}
