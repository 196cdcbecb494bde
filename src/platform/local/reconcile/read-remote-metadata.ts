/**
 * The metadata files of every fork's ref: ONE `git ls-tree` per ref (a few at a time) to list the
 * paths matching `reconcile.paths`, then ONE `git cat-file --batch` for all refs' blobs together.
 */
import { compileGlobs } from '../../../engines/style/match-globs.js';
import { GitCommandError } from '../run-git.js';
import { listTree, mapLimited, type TreeEntry } from './list-tree.js';
import { readEntries, type ReadStats, type RefFiles } from './read-entries.js';

export interface NamedRef {
  name: string;
  ref: string;
}

/** Enough parallel `ls-tree` processes to hide process start-up, few enough not to swamp the machine. */
const LIST_CONCURRENCY = 8;

export async function readRemoteMetadata(
  repo: string,
  refs: readonly NamedRef[],
  globs: readonly string[],
  stats?: ReadStats,
): Promise<Map<string, RefFiles>> {
  const matches = compileGlobs(globs);
  const listed = await mapLimited(refs, LIST_CONCURRENCY, async (r) => listMatching(repo, r, matches));
  const byName = new Map<string, TreeEntry[]>();
  const unlisted = new Map<string, string>();
  refs.forEach((r, i) => {
    const outcome = listed[i]!;
    if (typeof outcome === 'string') unlisted.set(r.name, outcome);
    else byName.set(r.name, outcome);
  });
  const result = await readEntries(repo, byName, stats);
  for (const [name, problem] of unlisted) result.set(name, { files: [], problems: [{ path: '', problem }] });
  return result;
}

/** The matching entries, or why the ref could not be listed (one bad fork must not stop the rest). */
async function listMatching(repo: string, r: NamedRef, matches: (path: string) => boolean): Promise<TreeEntry[] | string> {
  try {
    return (await listTree(repo, r.ref)).filter((e) => matches(e.path));
  } catch (error) {
    if (!(error instanceof GitCommandError)) throw error;
    return `${r.name}: cannot list ${r.ref} (${error.stderr.trim() || 'git failed'}); fetch the remote with \`git fetch ${r.name}\``;
  }
}
