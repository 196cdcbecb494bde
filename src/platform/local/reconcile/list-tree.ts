/**
 * The files of one commit from ONE `git ls-tree -r -z -l --full-tree`: path, blob id and size, so
 * oversized blobs are known before any is read and never reach `cat-file`.
 */
import { runGit } from '../run-git.js';

export interface TreeEntry {
  path: string;
  mode: string;
  blob: string;
  /** Bytes; null for entries that are not blobs (submodules). */
  size: number | null;
}

export async function listTree(repo: string, ref: string): Promise<TreeEntry[]> {
  // `--end-of-options` keeps a ref that starts with "-" from being read as an option.
  const output = await runGit(repo, ['ls-tree', '-r', '-z', '-l', '--full-tree', '--end-of-options', ref]);
  return parseTree(output.toString('utf8'));
}

/** "<mode> SP <type> SP <id> SP+ <size> TAB <path>" entries, NUL-terminated. */
function parseTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of text.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, blob, size] = record.slice(0, tab).split(/ +/);
    if (!mode || !blob || type !== 'blob') continue;
    entries.push({ path: record.slice(tab + 1), mode, blob, size: size === undefined || size === '-' ? null : Number(size) });
  }
  return entries;
}
