/**
 * The files changed between base and head from ONE `git diff --raw --numstat -z -M` call: the raw
 * part gives status, paths and the head blob id; the numstat part gives line counts ('-' for
 * binary files counts 0). Sizes and LFS pointers come from inspect-blobs.ts.
 */
import type { ChangedFile, FileStatus } from '../port.js';
import { decodeBytes, splitBytes } from './decode-bytes.js';
import { inspectBlobs } from './inspect-blobs.js';
import { runGit } from './run-git.js';

interface RawEntry {
  path: string;
  previousPath: string | null;
  status: FileStatus;
  headBlob: string | null;
}

const STATUS: Record<string, FileStatus> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied' };
const GITLINK = '160000';

/** `from` and `to` are commits (or the empty tree); `threeDot` diffs against their merge base. */
export async function readChangedFiles(dir: string, from: string, to: string, threeDot: boolean): Promise<ChangedFile[]> {
  const spec = threeDot ? [`${from}...${to}`] : [from, to];
  const output = await runGit(dir, ['diff', '--raw', '--numstat', '-z', '-M', '--no-abbrev', '--no-color', '--no-ext-diff', ...spec, '--']);
  const { entries, lines } = parseRawNumstat(output);
  const blobs = await inspectBlobs(dir, entries.flatMap((e) => (e.headBlob ? [e.headBlob] : [])));
  return entries.map((entry) => {
    const counts = lines.get(entry.path) ?? { additions: 0, deletions: 0 };
    const blob = entry.headBlob ? blobs.get(entry.headBlob) : undefined;
    return {
      path: entry.path,
      previousPath: entry.previousPath,
      status: entry.status,
      ...counts,
      size: blob?.size ?? null,
      lfsPointer: blob ? blob.lfsPointer : null,
    };
  });
}

export function parseRawNumstat(output: Buffer): { entries: RawEntry[]; lines: Map<string, { additions: number; deletions: number }> } {
  const tokens = splitBytes(output, 0).map(decodeBytes);
  const entries: RawEntry[] = [];
  const lines = new Map<string, { additions: number; deletions: number }>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startsWith(':')) {
      const [, newMode, , newSha, letters] = token.slice(1).split(' ') as string[];
      const letter = (letters ?? 'M').charAt(0);
      const twoPaths = letter === 'R' || letter === 'C';
      const first = tokens[++i] ?? '';
      const second = twoPaths ? tokens[++i] ?? '' : null;
      const isBlob = newMode !== GITLINK && newSha !== undefined && !/^0+$/.test(newSha);
      entries.push({
        path: second ?? first,
        previousPath: twoPaths ? first : null,
        status: STATUS[letter] ?? 'changed',
        headBlob: isBlob && letter !== 'D' ? newSha : null,
      });
      continue;
    }
    const stat = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(token);
    if (!stat) continue;
    // A rename's numstat has an empty path followed by the old and new paths as two tokens.
    let path = stat[3]!;
    if (path === '') {
      i += 2;
      path = tokens[i] ?? '';
    }
    lines.set(path, { additions: toCount(stat[1]!), deletions: toCount(stat[2]!) });
  }
  return { entries, lines };
}

function toCount(text: string): number {
  return text === '-' ? 0 : Number(text);
}
