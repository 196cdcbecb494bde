/** A repository's schema files in memory, read as the CLI or the App would hand them to the engine. */
import type { ReadSchema } from '../../../../src/engines/model-card/repo-schema-load.js';

export function readerOf(files: Record<string, unknown>): ReadSchema & { reads: string[] } {
  const reads: string[] = [];
  const read = (path: string) => {
    reads.push(path);
    return path in files ? files[path] : null;
  };
  return Object.assign(read, { reads });
}
