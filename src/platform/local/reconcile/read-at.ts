/**
 * Named files at one commit (the merge base's copy of the metadata), through the same batch
 * reader as the forks. Paths absent at the commit are left out: the model did not exist there.
 */
import { listTree } from './list-tree.js';
import { readEntries, type ReadStats, type RefFiles } from './read-entries.js';

export async function readAt(repo: string, sha: string, paths: readonly string[], stats?: ReadStats): Promise<RefFiles> {
  const wanted = new Set(paths);
  const entries = (await listTree(repo, sha)).filter((e) => wanted.has(e.path));
  const result = await readEntries(repo, new Map([[sha, entries]]), stats);
  return result.get(sha) ?? { files: [], problems: [] };
}
