/**
 * Turns the chosen tree entries of many refs into metadata files, reading every blob they need in
 * ONE `cat-file --batch`. A file that cannot be metadata (too large, binary, a symbolic link) is
 * listed as a problem with its path, so the report can tell the fork's maintainer what to fix.
 */
import type { MetadataFile } from '../../../engines/reconcile/types.js';
import { decodeBytes } from '../decode-bytes.js';
import { batchCatFile, type BatchRead } from './batch-cat-file.js';
import type { TreeEntry } from './list-tree.js';

/** Metadata files are small text; a larger file is data, not metadata, and is never read. */
export const METADATA_MAX_BYTES = 1024 * 1024;

export interface FileProblem {
  /** Repository-relative; '' when the problem is the whole ref (it could not be listed). */
  path: string;
  problem: string;
}

export interface RefFiles {
  files: MetadataFile[];
  problems: FileProblem[];
}

export interface ReadStats {
  objectsRead: number;
}

const SYMLINK_MODE = '120000';

export function classifyKind(path: string): MetadataFile['kind'] {
  return /\.md$/i.test(path) ? 'card' : 'registry';
}

export async function readEntries(repo: string, byName: Map<string, TreeEntry[]>, stats?: ReadStats): Promise<Map<string, RefFiles>> {
  return readEntriesWith((ids) => batchCatFile(repo, ids), byName, stats);
}

/** Blob bytes for ids, from whichever git process the caller has open. */
export type BlobFetcher = (ids: readonly string[]) => Promise<BatchRead>;

/**
 * readEntries through `fetch`. Each tree entry becomes a file or a problem once, however many refs
 * list it (forks share entry objects, see walk-trees.ts): decoding 6,000 copies of 750 blobs was
 * most of the JavaScript time. The resulting files are shared between refs: treat them as read-only.
 */
export async function readEntriesWith(fetch: BlobFetcher, byName: Map<string, TreeEntry[]>, stats?: ReadStats): Promise<Map<string, RefFiles>> {
  const wanted = new Set<string>();
  for (const entries of byName.values()) for (const e of entries) if (isReadable(e)) wanted.add(e.blob);
  const { bodies, objectsRead } = await fetch([...wanted]);
  if (stats) stats.objectsRead += objectsRead;
  const texts = new Map<string, string>();
  const done = new Map<TreeEntry, MetadataFile | FileProblem>();
  const result = new Map<string, RefFiles>();
  for (const [name, entries] of byName) {
    const refFiles: RefFiles = { files: [], problems: [] };
    for (const entry of entries) {
      let outcome = done.get(entry);
      if (!outcome) done.set(entry, (outcome = toOutcome(entry, bodies.get(entry.blob), texts)));
      if ('text' in outcome) refFiles.files.push(outcome);
      else refFiles.problems.push(outcome);
    }
    result.set(name, refFiles);
  }
  return result;
}

function isReadable(entry: TreeEntry): boolean {
  return entry.mode !== SYMLINK_MODE && entry.size !== null && entry.size <= METADATA_MAX_BYTES;
}

function toOutcome(entry: TreeEntry, body: Buffer | undefined, texts: Map<string, string>): MetadataFile | FileProblem {
  const problem = findProblem(entry, body);
  if (problem !== null || body === undefined) {
    return { path: entry.path, problem: problem ?? `${entry.path}: blob ${entry.blob} is missing from the clone; fetch the remote again` };
  }
  let text = texts.get(entry.blob);
  if (text === undefined) texts.set(entry.blob, (text = decodeBytes(body)));
  return { path: entry.path, text, blob: entry.blob, kind: classifyKind(entry.path) };
}

function findProblem(entry: TreeEntry, body: Buffer | undefined): string | null {
  if (entry.mode === SYMLINK_MODE) return `${entry.path} is a symbolic link; Steward reads metadata only from regular files`;
  if (entry.size !== null && entry.size > METADATA_MAX_BYTES) {
    return `${entry.path} is ${entry.size} bytes, over the 1 MB limit for metadata; keep weights and data out of the metadata paths`;
  }
  if (body?.includes(0)) return `${entry.path} is binary (it has NUL bytes); metadata must be YAML, JSON or Markdown text`;
  return null;
}
