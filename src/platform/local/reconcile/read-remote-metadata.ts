/**
 * The metadata files of every fork's ref in ONE git process whatever the number of forks: a
 * `cat-file --batch-command` session (cat-file-session.ts) peels the refs to trees, reads the
 * distinct trees level by level (walk-trees.ts), asks the matching blobs' sizes, then reads every
 * blob's text (read-entries.ts). Git before 2.36 has no --batch-command: read-remote-legacy.ts. One git process per fork cost ~3.5 ms each, and even four fixed
 * processes (one a `diff-tree` of every tree) were most of the time at 1,000 forks.
 */
import { compileGlobs } from '../../../engines/style/match-globs.js';
import { openCatFileSession, type CatFileSession } from './cat-file-session.js';
import type { BatchRead } from './batch-cat-file.js';
import type { TreeEntry } from './list-tree.js';
import { readEntriesWith, type ReadStats, type RefFiles } from './read-entries.js';
import { lacksBatchCommand, readRemoteLegacy, type NamedRef } from './read-remote-legacy.js';
import { makeTreeFlattener, peelTrees, readTrees } from './walk-trees.js';

export type { NamedRef };

const SYMLINK_MODE = '120000';

export async function readRemoteMetadata(
  repo: string,
  refs: readonly NamedRef[],
  globs: readonly string[],
  stats?: ReadStats,
): Promise<Map<string, RefFiles>> {
  const session = openCatFileSession(repo);
  try {
    const result = await readThrough(session, refs, globs, stats);
    await session.close();
    return result;
  } catch (error) {
    await session.close().catch(() => undefined);
    if (lacksBatchCommand(error)) return readRemoteLegacy(repo, refs, globs, cannotList, stats);
    throw error;
  }
}

async function readThrough(session: CatFileSession, refs: readonly NamedRef[], globs: readonly string[], stats?: ReadStats): Promise<Map<string, RefFiles>> {
  const trees = await peelTrees(session, refs.map((r) => r.ref));
  const roots = [...trees.values()].flatMap((t) => ('tree' in t ? [t.tree] : []));
  const flatten = makeTreeFlattener(await readTrees(session, roots), compileGlobs(globs));
  const byName = new Map<string, TreeEntry[]>();
  const unlisted = new Map<string, string>();
  for (const r of refs) {
    const tree = trees.get(r.ref)!;
    if ('tree' in tree) byName.set(r.name, flatten(tree.tree));
    else unlisted.set(r.name, cannotList(r, tree.problem));
  }
  await fillSizes(session, new Set([...byName.values()].flat()));
  const result = await readEntriesWith((ids) => readBodies(session, ids), byName, stats);
  for (const [name, problem] of unlisted) result.set(name, { files: [], problems: [{ path: '', problem }] });
  return result;
}

/** Symbolic links are reported, never read, so their size is not asked for; absent blobs stay null. */
async function fillSizes(session: CatFileSession, entries: Set<TreeEntry>): Promise<void> {
  const blobs = [...new Set([...entries].filter((e) => e.mode !== SYMLINK_MODE).map((e) => e.blob))];
  const answers = await session.ask('info', blobs);
  const sizes = new Map<string, number>();
  blobs.forEach((blob, i) => {
    const answer = answers[i]!;
    if ('id' in answer && answer.type === 'blob') sizes.set(blob, answer.size);
  });
  for (const entry of entries) entry.size = sizes.get(entry.blob) ?? null;
}

async function readBodies(session: CatFileSession, ids: readonly string[]): Promise<BatchRead> {
  const answers = await session.ask('contents', ids);
  const bodies = new Map<string, Buffer>();
  ids.forEach((id, i) => {
    const answer = answers[i]!;
    if ('id' in answer && answer.body) bodies.set(id, answer.body);
  });
  return { bodies, objectsRead: bodies.size };
}

/** Why a ref could not be listed, said to the person who can fetch it (one bad fork must not stop the rest). */
function cannotList(r: NamedRef, problem: string): string {
  const why = problem === 'missing' ? 'no such ref or commit in this clone' : `git answered "${problem}"`;
  return `${r.name}: cannot list ${r.ref} (${why}); fetch the remote with \`git fetch ${r.name}\``;
}
