/**
 * The files of MANY refs in a fixed number of git processes, however many refs there are: one
 * `cat-file --batch-check` peels every ref to its tree, one `diff-tree --stdin` lists every distinct
 * tree (diffed against the empty tree, which lists it whole), and one more `--batch-check` gives the
 * sizes of the blobs the caller keeps. Forks share trees, so an equal tree id is listed once.
 */
import { runGit } from '../run-git.js';
import type { TreeEntry } from './list-tree.js';

/** Git's empty tree, per object format (SHA-1, SHA-256): known to git without being stored. */
const EMPTY_TREE: Record<number, string> = {
  40: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  64: '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321',
};
const SUBMODULE_MODE = '160000';

/** Tree id per ref, or git's word for why there is none ("missing", "ambiguous"). */
export type TreeOf = { tree: string } | { problem: string };

export async function resolveTrees(repo: string, refs: readonly string[]): Promise<Map<string, TreeOf>> {
  const unique = [...new Set(refs)];
  const result = new Map<string, TreeOf>();
  if (unique.length === 0) return result;
  // One line per ref, so a bad ref answers "missing" on its line instead of failing the whole call.
  const out = await runGit(repo, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], unique.map((r) => `${r}^{tree}\n`).join(''));
  const lines = out.toString('utf8').split('\n');
  unique.forEach((ref, i) => {
    const line = lines[i] ?? '';
    const id = line.slice(0, Math.max(0, line.lastIndexOf(' ')));
    const type = line.slice(line.lastIndexOf(' ') + 1);
    result.set(ref, type === 'tree' && id ? { tree: id } : { problem: type || 'no answer from git' });
  });
  return result;
}

/** Every blob of each tree (submodules left out), keyed by tree id; sizes are filled in later. */
export async function listTrees(repo: string, trees: readonly string[]): Promise<Map<string, TreeEntry[]>> {
  const unique = [...new Set(trees)];
  const result = new Map<string, TreeEntry[]>(unique.map((t) => [t, []]));
  if (unique.length === 0) return result;
  const empty = EMPTY_TREE[unique[0]!.length];
  if (!empty) throw new Error(`unexpected object id length ${unique[0]!.length}`);
  const input = unique.map((t) => `${empty} ${t}\n`).join('');
  const out = await runGit(repo, ['diff-tree', '--stdin', '-r', '-z', '--no-renames', '--no-abbrev'], input);
  parseDiffTree(out, result);
  return result;
}

/**
 * `diff-tree --stdin -z` output: per input pair a header "<old> <new>\n" (a tree with no files has
 * none), then per file ":<mode> <mode> <id> <id> A\0<path>\0". Paths are raw bytes, read as UTF-8.
 */
export function parseDiffTree(out: Buffer, into: Map<string, TreeEntry[]>): void {
  let current: TreeEntry[] | undefined;
  let at = 0;
  while (at < out.length) {
    if (out[at] !== 0x3a) {
      const end = indexOrEnd(out, 0x0a, at);
      const header = out.subarray(at, end).toString('latin1');
      current = into.get(header.slice(header.indexOf(' ') + 1));
      at = end + 1;
      continue;
    }
    const metaEnd = indexOrEnd(out, 0x00, at);
    const pathEnd = indexOrEnd(out, 0x00, metaEnd + 1);
    const [, mode, , blob] = out.subarray(at + 1, metaEnd).toString('latin1').split(' ');
    if (current && mode && blob && mode !== SUBMODULE_MODE) {
      current.push({ path: out.subarray(metaEnd + 1, pathEnd).toString('utf8'), mode, blob, size: null });
    }
    at = pathEnd + 1;
  }
}

function indexOrEnd(buffer: Buffer, byte: number, from: number): number {
  const i = buffer.indexOf(byte, from);
  return i === -1 ? buffer.length : i;
}

/** Size in bytes of each blob git has; absent ones (a partial clone's) are left out. */
export async function readSizes(repo: string, blobs: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(blobs)];
  const sizes = new Map<string, number>();
  if (unique.length === 0) return sizes;
  const out = await runGit(repo, ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], `${unique.join('\n')}\n`);
  for (const line of out.toString('latin1').split('\n')) {
    const [id, type, size] = line.split(' ');
    if (id && type === 'blob' && size !== undefined) sizes.set(id, Number(size));
  }
  return sizes;
}
