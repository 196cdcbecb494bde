/** GraphQL changed file (and its head blob) -> our ChangedFile. */
import type { ChangedFile, FileStatus } from '../port.js';
import type { GqlBlob, GqlFile } from './graphql-types.js';

const STATUS: Record<string, FileStatus> = {
  ADDED: 'added', MODIFIED: 'modified', DELETED: 'removed', RENAMED: 'renamed', COPIED: 'copied', CHANGED: 'changed',
};

const LFS_SPEC = 'version https://git-lfs.github.com/spec/v1';
/** A pointer file is a few lines ("version", "oid", "size", rarely "ext-*"), so it never adds more. */
const POINTER_MAX_LINES = 5;
/** The Git LFS spec keeps pointers under 1024 bytes; in practice they are about 130. */
const POINTER_MAX_BYTES = 1024;

export function mapStatus(changeType: string): FileStatus {
  return STATUS[changeType] ?? 'changed';
}

/**
 * Whether the head blob's text is worth fetching to tell a pointer from a file: it added a few
 * lines, as a new or updated pointer does. Files that added none (renames, binaries) are not
 * fetched, so a renamed large text file never costs its whole text.
 */
export function mayBePointer(file: GqlFile): boolean {
  return file.changeType !== 'DELETED' && file.additions >= 1 && file.additions <= POINTER_MAX_LINES;
}

export function mapFile(file: GqlFile): ChangedFile {
  return {
    path: file.path,
    previousPath: null, // GitHub's GraphQL PullRequestChangedFile does not expose the old path
    status: mapStatus(file.changeType),
    additions: file.additions,
    deletions: file.deletions,
    size: null,
    lfsPointer: null,
  };
}

/**
 * Fills size and lfsPointer from the head blob; a missing blob (submodule) leaves them unknown.
 * A file that added more lines than a pointer has is no pointer; one that added none and is small
 * stays unknown (null) rather than guessed.
 */
export function withBlob(file: ChangedFile, blob: GqlBlob | null | undefined, textFetched: boolean): ChangedFile {
  if (!blob || typeof blob.byteSize !== 'number') return file;
  const size = blob.byteSize;
  let lfsPointer: boolean | null;
  if (blob.isBinary === true || size > POINTER_MAX_BYTES) lfsPointer = false;
  else if (textFetched) lfsPointer = (blob.text ?? '').startsWith(LFS_SPEC);
  else lfsPointer = file.additions === 0 ? null : false;
  return { ...file, size, lfsPointer };
}
