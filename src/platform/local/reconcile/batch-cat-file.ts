/**
 * Reads many blobs in ONE `git cat-file --batch` process. Ids are de-duplicated first: forks share
 * most metadata files byte for byte, and an equal blob id means equal bytes, so each is read once.
 */
import { runGit } from '../run-git.js';

export interface BatchRead {
  /** Blob bytes by id; ids git does not have are absent. */
  bodies: Map<string, Buffer>;
  /** Objects git actually returned: the number of reads, for tests and benches. */
  objectsRead: number;
}

export async function batchCatFile(repo: string, ids: readonly string[]): Promise<BatchRead> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { bodies: new Map(), objectsRead: 0 };
  const output = await runGit(repo, ['cat-file', '--batch'], `${unique.join('\n')}\n`);
  return parseBatch(output);
}

/** `cat-file --batch` output: "<id> <type> <size>\n<size bytes>\n" per object, "<id> missing\n" otherwise. */
export function parseBatch(output: Buffer): BatchRead {
  const bodies = new Map<string, Buffer>();
  let objectsRead = 0;
  let at = 0;
  while (at < output.length) {
    const headerEnd = output.indexOf(0x0a, at);
    if (headerEnd === -1) break;
    const [id, type, size] = output.subarray(at, headerEnd).toString('latin1').split(' ');
    const start = headerEnd + 1;
    if (!id || type === 'missing' || size === undefined) {
      at = start;
      continue;
    }
    const end = start + Number(size);
    bodies.set(id, output.subarray(start, end));
    objectsRead++;
    at = end + 1;
  }
  return { bodies, objectsRead };
}
