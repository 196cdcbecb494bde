/**
 * Files at a commit of a clone (the changed model cards): sizes from ONE `git cat-file --batch-check`,
 * then the contents of those within the limit from ONE `git cat-file --batch`. Oversized files are
 * never read; a file with a NUL byte in its first 8,000 bytes is binary, as git decides it.
 */
import type { HeadFile } from '../port.js';
import { decodeBytes } from './decode-bytes.js';
import { runGit } from './run-git.js';

export async function readHeadFiles(dir: string, ref: string, paths: readonly string[], maxBytes: number): Promise<HeadFile[]> {
  // A path with a newline cannot be named on cat-file's stdin; such a card is left out.
  const named = paths.filter((p) => !p.includes('\n'));
  if (!named.length) return [];
  const check = (await runGit(dir, ['cat-file', '--batch-check'], named.map((p) => `${ref}:${p}\n`).join(''))).toString('latin1');
  const found: { path: string; oid: string; bytes: number }[] = [];
  check.split('\n').slice(0, named.length).forEach((line, i) => {
    const [oid, type, size] = line.split(' ');
    if (oid && type === 'blob' && size) found.push({ path: named[i]!, oid, bytes: Number(size) });
  });
  const small = found.filter((f) => f.bytes <= maxBytes);
  const contents = small.length ? await runGit(dir, ['cat-file', '--batch'], small.map((f) => `${f.oid}\n`).join('')) : Buffer.alloc(0);
  const bodies = splitBatch(contents);
  return found.map((f): HeadFile => {
    const body = f.bytes <= maxBytes ? bodies.get(f.oid) : undefined;
    if (!body) return { path: f.path, text: null, bytes: f.bytes, reason: 'too-large' };
    if (body.subarray(0, 8000).includes(0)) return { path: f.path, text: null, bytes: f.bytes, reason: 'binary' };
    return { path: f.path, text: decodeBytes(body), bytes: f.bytes };
  });
}

/** `cat-file --batch` output, "<oid> <type> <size>\n<size bytes>\n" per object, by oid. */
function splitBatch(output: Buffer): Map<string, Buffer> {
  const bodies = new Map<string, Buffer>();
  let at = 0;
  while (at < output.length) {
    const headerEnd = output.indexOf(0x0a, at);
    if (headerEnd === -1) break;
    const [oid, type, size] = output.subarray(at, headerEnd).toString('latin1').split(' ');
    const start = headerEnd + 1;
    if (!oid || type === 'missing' || size === undefined) {
      at = start;
      continue;
    }
    bodies.set(oid, output.subarray(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return bodies;
}
