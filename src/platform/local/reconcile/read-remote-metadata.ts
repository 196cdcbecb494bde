/**
 * The metadata files of every fork's ref in ONE git process whatever the number of forks: a
 * `cat-file --batch-command` session (cat-file-session.ts) peels the refs to trees, reads the
 * distinct trees, asks the matching blobs' sizes and reads their text, all as one pipeline
 * (prefetch-walk.ts); the files per ref are then worked out from what it read (walk-trees.ts,
 * read-entries.ts). Git before 2.36 has no --batch-command: read-remote-legacy.ts. One git process per fork cost ~3.5 ms each, and even four fixed
 * processes (one a `diff-tree` of every tree) were most of the time at 1,000 forks.
 */
import { compileGlobs } from '../../../engines/style/match-globs.js';
import { openCatFileSession, type CatFileSession } from './cat-file-session.js';
import type { BatchRead } from './batch-cat-file.js';
import type { TreeEntry } from './list-tree.js';
import { METADATA_MAX_BYTES, readEntriesWith, type ReadStats, type RefFiles } from './read-entries.js';
import { lacksBatchCommand, readRemoteLegacy, type NamedRef } from './read-remote-legacy.js';
import { makeTreeFlattener } from './walk-trees.js';
import { prefetchWalk, type Prefetched } from './prefetch-walk.js';

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
  const matches = compileGlobs(globs);
  const pre = await prefetchWalk(session, refs.map((r) => r.ref), matches, METADATA_MAX_BYTES);
  const flatten = makeTreeFlattener(pre.raw, matches);
  const byName = new Map<string, TreeEntry[]>();
  const unlisted = new Map<string, string>();
  for (const r of refs) {
    const tree = pre.trees.get(r.ref)!;
    if ('tree' in tree) byName.set(r.name, flatten(tree.tree));
    else unlisted.set(r.name, cannotList(r, tree.problem));
  }
  await fillSizes(session, new Set([...byName.values()].flat()), pre);
  const result = await readEntriesWith((ids) => readBodies(session, ids, pre), byName, stats);
  for (const [name, problem] of unlisted) result.set(name, { files: [], problems: [{ path: '', problem }] });
  return result;
}

/** Symbolic links are reported, never read, so their size is not asked for; absent blobs stay null. */
async function fillSizes(session: CatFileSession, entries: Set<TreeEntry>, pre: Prefetched): Promise<void> {
  const blobs = [...new Set([...entries].filter((e) => e.mode !== SYMLINK_MODE).map((e) => e.blob))];
  // The walk asked for every one of these already; asking here is only a safety net.
  const unasked = blobs.filter((b) => !pre.sized.has(b));
  const answers = await session.ask('info', unasked);
  unasked.forEach((blob, i) => {
    const answer = answers[i]!;
    if ('id' in answer && answer.type === 'blob') pre.sizes.set(blob, answer.size);
  });
  for (const entry of entries) entry.size = pre.sizes.get(entry.blob) ?? null;
}

/** Texts the walk read, plus any it did not (none, when both agree on what is readable). */
async function readBodies(session: CatFileSession, ids: readonly string[], pre: Prefetched): Promise<BatchRead> {
  const bodies = new Map<string, Buffer>();
  const unread = ids.filter((id) => !pre.bodies.has(id));
  const answers = await session.ask('contents', unread);
  unread.forEach((id, i) => {
    const answer = answers[i]!;
    if ('id' in answer && answer.body) pre.bodies.set(id, answer.body);
  });
  for (const id of ids) {
    const body = pre.bodies.get(id);
    if (body) bodies.set(id, body);
  }
  return { bodies, objectsRead: bodies.size };
}

/** Why a ref could not be listed, said to the person who can fetch it (one bad fork must not stop the rest). */
function cannotList(r: NamedRef, problem: string): string {
  const why = problem === 'missing' ? 'no such ref or commit in this clone' : `git answered "${problem}"`;
  return `${r.name}: cannot list ${r.ref} (${why}); fetch the remote with \`git fetch ${r.name}\``;
}
