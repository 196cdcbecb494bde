/**
 * Sizes of head blobs from ONE `git cat-file --batch-check`, then the contents of the small ones
 * from ONE `git cat-file --batch` to spot Git LFS pointers. A pointer is a short text file; a blob
 * over 200 bytes is never read, so a 5 GB checkpoint costs nothing.
 */
import { runGit } from './run-git.js';

export interface BlobInfo {
  size: number;
  lfsPointer: boolean;
}

const POINTER_MAX_BYTES = 200;
const POINTER_PREFIX = Buffer.from('version https://git-lfs.github.com/spec/v1');

export async function inspectBlobs(dir: string, shas: readonly string[]): Promise<Map<string, BlobInfo>> {
  const unique = [...new Set(shas)];
  const result = new Map<string, BlobInfo>();
  if (unique.length === 0) return result;
  const check = (await runGit(dir, ['cat-file', '--batch-check'], `${unique.join('\n')}\n`)).toString('latin1');
  for (const line of check.split('\n')) {
    const [sha, type, size] = line.split(' ');
    if (sha && type === 'blob' && size) result.set(sha, { size: Number(size), lfsPointer: false });
  }
  const small = [...result].filter(([, info]) => info.size <= POINTER_MAX_BYTES).map(([sha]) => sha);
  if (small.length === 0) return result;
  const contents = await runGit(dir, ['cat-file', '--batch'], `${small.join('\n')}\n`);
  for (const [sha, body] of parseBatch(contents)) {
    const info = result.get(sha);
    if (info) info.lfsPointer = body.subarray(0, POINTER_PREFIX.length).equals(POINTER_PREFIX);
  }
  return result;
}

/** `cat-file --batch` output: "<sha> <type> <size>\n<size bytes>\n" per object. */
function* parseBatch(output: Buffer): Generator<[string, Buffer]> {
  let at = 0;
  while (at < output.length) {
    const headerEnd = output.indexOf(0x0a, at);
    if (headerEnd === -1) return;
    const [sha, type, size] = output.subarray(at, headerEnd).toString('latin1').split(' ');
    if (!sha || type === 'missing' || size === undefined) {
      at = headerEnd + 1;
      continue;
    }
    const start = headerEnd + 1;
    const end = start + Number(size);
    yield [sha, output.subarray(start, end)];
    at = end + 1;
  }
}
