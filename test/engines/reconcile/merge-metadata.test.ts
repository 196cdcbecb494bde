import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mergeMetadata } from '../../../src/engines/reconcile/merge-metadata.js';
import { propertyRuns } from '../../support/property-runs.js';

type Doc = Record<string, unknown>;

const cases: Array<{ name: string; base: Doc; ours: Doc; theirs: Doc; merged: Doc; conflicts?: unknown[] }> = [
  {
    name: 'takes a key only theirs changed and a key only ours changed',
    base: { a: 1, b: 1 }, ours: { a: 2, b: 1 }, theirs: { a: 1, b: 3 }, merged: { a: 2, b: 3 },
  },
  {
    name: 'takes both changes when they agree',
    base: { license: 'mit' }, ours: { license: 'apache-2.0' }, theirs: { license: 'apache-2.0' }, merged: { license: 'apache-2.0' },
  },
  {
    name: 'keeps ours and records a conflict when both changed a value differently',
    base: { version: '1.0.0' }, ours: { version: '1.1.0' }, theirs: { version: '2.0.0' }, merged: { version: '1.1.0' },
    conflicts: [{ path: '/version', base: '1.0.0', ours: '1.1.0', theirs: '2.0.0' }],
  },
  {
    name: 'takes keys each side added',
    base: {}, ours: { a: 1 }, theirs: { b: 2 }, merged: { a: 1, b: 2 },
  },
  {
    name: 'records a conflict when both added one key with different values',
    base: {}, ours: { a: 1 }, theirs: { a: 2 }, merged: { a: 1 },
    conflicts: [{ path: '/a', base: undefined, ours: 1, theirs: 2 }],
  },
  {
    name: 'deletes a key one side deleted and the other left alone',
    base: { a: 1, b: 2 }, ours: { a: 1, b: 2 }, theirs: { a: 1 }, merged: { a: 1 },
  },
  {
    name: 'records delete (theirs) against change (ours), keeping ours',
    base: { a: 1 }, ours: { a: 5 }, theirs: {}, merged: { a: 5 },
    conflicts: [{ path: '/a', base: 1, ours: 5, theirs: undefined }],
  },
  {
    name: 'records delete (ours) against change (theirs), keeping the deletion',
    base: { a: 1 }, ours: {}, theirs: { a: 5 }, merged: {},
    conflicts: [{ path: '/a', base: 1, ours: undefined, theirs: 5 }],
  },
  {
    name: 'treats null as a value, not a deletion',
    base: { a: 1, b: 1 }, ours: { a: 1, b: 1 }, theirs: { a: null, b: 1 }, merged: { a: null, b: 1 },
  },
  {
    name: 'records null against another value as a conflict',
    base: { a: 1 }, ours: { a: null }, theirs: { a: 2 }, merged: { a: null },
    conflicts: [{ path: '/a', base: 1, ours: null, theirs: 2 }],
  },
  {
    name: 'merges nested mappings key by key, with JSON Pointer paths',
    base: { eval: { mmlu: 0.5, 'arc/easy': 0.6 } },
    ours: { eval: { mmlu: 0.55, 'arc/easy': 0.6 } },
    theirs: { eval: { mmlu: 0.5, 'arc/easy': 0.7, gsm8k: 0.3 } },
    merged: { eval: { mmlu: 0.55, 'arc/easy': 0.7, gsm8k: 0.3 } },
  },
  {
    name: 'escapes / and ~ in conflict paths',
    base: { m: { 'a/b~c': 1 } }, ours: { m: { 'a/b~c': 2 } }, theirs: { m: { 'a/b~c': 3 } }, merged: { m: { 'a/b~c': 2 } },
    conflicts: [{ path: '/m/a~1b~0c', base: 1, ours: 2, theirs: 3 }],
  },
  {
    name: 'merges lists of versions by version, ours first then the versions theirs added',
    base: { versions: [{ version: '1.0', sha256: 'a' }] },
    ours: { versions: [{ version: '1.0', sha256: 'a' }, { version: '1.1', sha256: 'b' }] },
    theirs: { versions: [{ version: '1.0', sha256: 'a', note: 'fixed' }, { version: '1.1-q4', sha256: 'c' }] },
    merged: { versions: [{ version: '1.0', sha256: 'a', note: 'fixed' }, { version: '1.1', sha256: 'b' }, { version: '1.1-q4', sha256: 'c' }] },
  },
  {
    name: 'records a conflict inside a list element at its index in the merged list',
    base: { versions: [{ version: '1.0', sha256: 'a' }, { version: '2.0', sha256: 'b' }] },
    ours: { versions: [{ version: '2.0', sha256: 'B' }] },
    theirs: { versions: [{ version: '1.0', sha256: 'a' }, { version: '2.0', sha256: 'C' }] },
    merged: { versions: [{ version: '2.0', sha256: 'B' }] },
    conflicts: [{ path: '/versions/0/sha256', base: 'b', ours: 'B', theirs: 'C' }],
  },
  {
    name: 'records a list element ours deleted and theirs changed at its index in theirs',
    base: { files: [{ name: 'a.bin', size: 1 }, { name: 'b.bin', size: 2 }] },
    ours: { files: [{ name: 'a.bin', size: 1 }] },
    theirs: { files: [{ name: 'a.bin', size: 1 }, { name: 'b.bin', size: 3 }] },
    merged: { files: [{ name: 'a.bin', size: 1 }] },
    conflicts: [{ path: '/files/1', base: { name: 'b.bin', size: 2 }, ours: undefined, theirs: { name: 'b.bin', size: 3 } }],
  },
  {
    name: 'treats a list of scalars as one value',
    base: { tags: ['a'] }, ours: { tags: ['a', 'b'] }, theirs: { tags: ['a', 'c'] }, merged: { tags: ['a', 'b'] },
    conflicts: [{ path: '/tags', base: ['a'], ours: ['a', 'b'], theirs: ['a', 'c'] }],
  },
  {
    name: 'takes a list of scalars changed on one side only',
    base: { base_model: ['x'] }, ours: { base_model: ['x'] }, theirs: { base_model: ['x', 'y'] }, merged: { base_model: ['x', 'y'] },
  },
  {
    name: 'treats a list of mappings without one shared identity key as one value',
    base: { l: [{ version: 1 }] }, ours: { l: [{ version: 1 }, { id: 2 }] }, theirs: { l: [{ version: 1 }, { id: 3 }] },
    merged: { l: [{ version: 1 }, { id: 2 }] },
    conflicts: [{ path: '/l', base: [{ version: 1 }], ours: [{ version: 1 }, { id: 2 }], theirs: [{ version: 1 }, { id: 3 }] }],
  },
];

describe('mergeMetadata', () => {
  it.each(cases)('$name', ({ base, ours, theirs, merged, conflicts }) => {
    const result = mergeMetadata(base, ours, theirs);
    expect(result.merged).toEqual(merged);
    expect(result.conflicts).toEqual(conflicts ?? []);
  });

  it('keys lists by the identity keys it is given, in order', () => {
    const base = { runs: [{ name: 'a', seed: 1 }] };
    const ours = { runs: [{ name: 'a', seed: 1 }, { name: 'b', seed: 2 }] };
    const theirs = { runs: [{ name: 'a', seed: 1 }, { name: 'c', seed: 3 }] };
    expect(mergeMetadata(base, ours, theirs, { identityKeys: ['name'] }).merged.runs).toHaveLength(3);
    expect(mergeMetadata(base, ours, theirs, { identityKeys: ['seed'] }).merged.runs).toHaveLength(3);
    expect(mergeMetadata(base, ours, theirs, { identityKeys: ['other'] }).conflicts).toHaveLength(1);
  });

  it('keeps a "__proto__" key as a key', () => {
    const theirs = JSON.parse('{"__proto__": {"polluted": true}}') as Doc;
    const { merged } = mergeMetadata({}, { a: 1 }, theirs);
    expect(Object.keys(merged)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Doc).polluted).toBeUndefined();
  });

  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, true, 0, 1, 'a', 'b'), tie('list'), tie('doc')),
    list: fc.oneof(
      fc.array(tie('value'), { maxLength: 3 }),
      fc.uniqueArray(fc.record({ version: fc.constantFrom('1', '2', '3'), v: tie('value') }), { selector: (e) => e.version, maxLength: 3 }),
    ),
    doc: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'version'), tie('value'), { maxKeys: 4 }),
  })).doc as fc.Arbitrary<Doc>;

  it('takes the side that changed: merge(b, x, b) = x, merge(b, b, y) = y, merge(b, x, x) = x', () => {
    fc.assert(fc.property(json, json, (base, other) => {
      for (const result of [mergeMetadata(base, other, base), mergeMetadata(base, base, other), mergeMetadata(base, other, other)]) {
        expect(result).toEqual({ merged: other, conflicts: [] });
      }
    }), propertyRuns(300));
  });
});
