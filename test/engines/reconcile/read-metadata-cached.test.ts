import { describe, expect, it } from '@jest/globals';
import { readMetadata } from '../../../src/engines/reconcile/read-metadata.js';
import type { MetadataFile } from '../../../src/engines/reconcile/types.js';
import { makeCachedReader } from '../../../src/engines/reconcile/read-metadata-cached.js';

const OPTIONS = { idField: 'id', versionField: 'version' };
const registry = (path: string, text: string, blob: string | null): MetadataFile => ({ path, text, blob, kind: 'registry' });
const A = registry('models/a/model.yml', 'id: a\nversion: 1.0.0\n', 'b1');
const B = registry('models/b/model.yml', 'id: b\nversion: [1\n', 'b2');
const CARD: MetadataFile = { path: 'README.md', text: '---\nlicense: mit\n---\n# x\n', blob: 'b3', kind: 'card' };
const A_AGAIN = registry('models/c/model.yml', 'id: a\nversion: 2.0.0\n', 'b4');

describe('makeCachedReader', () => {
  it.each([
    ['distinct ids', [A, B, CARD]],
    ['a malformed file first', [B, A]],
    ['the same id in two files (duplicate finding kept)', [A, A_AGAIN]],
    ['a file without blob id', [registry('models/d/model.yml', 'id: d\n', null), A]],
  ])('gives what readMetadata gives: %s', (_name, files) => {
    const read = makeCachedReader(OPTIONS);
    expect(read(files)).toEqual(readMetadata(files, OPTIONS));
    expect(read(files)).toEqual(readMetadata(files, OPTIONS));
  });

  it('parses a shared file once across forks', () => {
    const read = makeCachedReader(OPTIONS);
    const first = read([A, CARD]);
    const second = read([CARD, A]);
    expect(second.models.find((m) => m.id === 'a')).toBe(first.models.find((m) => m.id === 'a'));
  });
});
