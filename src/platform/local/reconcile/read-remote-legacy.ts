/**
 * readRemoteMetadata for git older than 2.36, which has no `cat-file --batch-command` (Ubuntu
 * 22.04 ships 2.34): four processes whatever the number of forks, refs to trees, `diff-tree
 * --stdin` of the distinct trees, the matching blobs' sizes, one `cat-file --batch` for the text.
 */
import { compileGlobs } from '../../../engines/style/match-globs.js';
import { GitCommandError } from '../run-git.js';
import type { TreeEntry } from './list-tree.js';
import { listTrees, readSizes, resolveTrees } from './list-trees.js';
import { readEntries, type ReadStats, type RefFiles } from './read-entries.js';

export interface NamedRef {
  name: string;
  ref: string;
}

/** git's answer to an option it does not know (exit 129, "unknown option `batch-command'"). */
export function lacksBatchCommand(error: unknown): boolean {
  return error instanceof GitCommandError && error.exitCode === 129 && error.stderr.includes('batch-command');
}

export async function readRemoteLegacy(
  repo: string,
  refs: readonly NamedRef[],
  globs: readonly string[],
  cannotList: (r: NamedRef, problem: string) => string,
  stats?: ReadStats,
): Promise<Map<string, RefFiles>> {
  const matches = compileGlobs(globs);
  const trees = await resolveTrees(repo, refs.map((r) => r.ref));
  const listed = await listTrees(repo, [...trees.values()].flatMap((t) => ('tree' in t ? [t.tree] : [])));
  // Filtered once per distinct tree, then shared by every fork at that tree.
  const matching = new Map([...listed].map(([tree, entries]) => [tree, entries.filter((e) => matches(e.path))]));
  const entries = [...matching.values()].flat();
  const sizes = await readSizes(repo, entries.filter((e) => e.mode !== '120000').map((e) => e.blob));
  for (const entry of entries) entry.size = sizes.get(entry.blob) ?? null;
  const byName = new Map<string, TreeEntry[]>();
  const unlisted = new Map<string, string>();
  for (const r of refs) {
    const tree = trees.get(r.ref)!;
    if ('tree' in tree) byName.set(r.name, matching.get(tree.tree) ?? []);
    else unlisted.set(r.name, cannotList(r, tree.problem));
  }
  const result = await readEntries(repo, byName, stats);
  for (const [name, problem] of unlisted) result.set(name, { files: [], problems: [{ path: '', problem }] });
  return result;
}
