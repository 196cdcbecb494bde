/**
 * The metadata files of every fork's ref in FOUR git processes whatever the number of forks: refs
 * to trees, the distinct trees listed, the matching blobs' sizes, then ONE `git cat-file --batch`
 * for every blob's text (list-trees.ts and read-entries.ts). One git process per fork cost ~3.5 ms
 * each, which at 1,000 forks was most of the time.
 */
import { compileGlobs } from '../../../engines/style/match-globs.js';
import type { TreeEntry } from './list-tree.js';
import { listTrees, readSizes, resolveTrees } from './list-trees.js';
import { readEntries, type ReadStats, type RefFiles } from './read-entries.js';

export interface NamedRef {
  name: string;
  ref: string;
}

export async function readRemoteMetadata(
  repo: string,
  refs: readonly NamedRef[],
  globs: readonly string[],
  stats?: ReadStats,
): Promise<Map<string, RefFiles>> {
  const matches = compileGlobs(globs);
  const trees = await resolveTrees(repo, refs.map((r) => r.ref));
  const listed = await listTrees(repo, [...trees.values()].flatMap((t) => ('tree' in t ? [t.tree] : [])));
  // Filtered once per distinct tree, then shared by every fork at that tree.
  const matching = new Map([...listed].map(([tree, entries]) => [tree, entries.filter((e) => matches(e.path))]));
  await fillSizes(repo, [...matching.values()].flat());
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

/** Symbolic links are reported, never read, so their size is not asked for. */
async function fillSizes(repo: string, entries: TreeEntry[]): Promise<void> {
  const sizes = await readSizes(repo, entries.filter((e) => e.mode !== '120000').map((e) => e.blob));
  for (const entry of entries) entry.size = sizes.get(entry.blob) ?? null;
}

/** Why a ref could not be listed, said to the person who can fetch it (one bad fork must not stop the rest). */
function cannotList(r: NamedRef, problem: string): string {
  const why = problem === 'missing' ? 'no such ref or commit in this clone' : `git answered "${problem}"`;
  return `${r.name}: cannot list ${r.ref} (${why}); fetch the remote with \`git fetch ${r.name}\``;
}
