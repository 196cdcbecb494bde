/**
 * canonicalJson's fast writer gives, byte for byte, what the reference definition gives:
 * JSON.stringify of a copy with every mapping's keys sorted (so content hashes never change).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { propertyRuns } from '../../support/property-runs.js';
import { canonicalJson, hashContent } from '../../../src/engines/reconcile/read-canonical.js';

/** The definition canonicalJson had before the fast writer, kept as the oracle. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    Object.defineProperty(sorted, key, { value: sortKeys((value as Record<string, unknown>)[key]), enumerable: true });
  }
  return sorted;
}
const reference = (value: unknown): string => JSON.stringify(sortKeys(value)) ?? 'null';

/** Keys that JS objects order specially (array indices), escapes, lone surrogates, emoji. */
const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '9', '01', '-1', '4294967294', '4294967295', '1.5', 'a"b', 'a\\b', '\n', '\ud800', '😀', 'é', '__proto__x'));
const leaf = fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom(-0, Infinity, NaN));
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 5 })),
})).v;

describe('canonicalJson', () => {
  it('writes exactly what JSON.stringify of the key-sorted copy writes', () => {
    fc.assert(fc.property(value, (v) => {
      expect(canonicalJson(v)).toBe(reference(v));
    }), propertyRuns(3000));
  });

  it.each([
    ['undefined in a list and a mapping', [1, undefined, { a: undefined, b: 2 }]],
    ['a Date (toJSON)', { at: new Date(0) }],
    ['a Map and a typed array', { m: new Map([['a', 1]]), t: new Uint8Array([1, 2]) }],
    ['a mapping without prototype', Object.assign(Object.create(null) as object, { b: 1, a: 2 })],
    ['nothing at all', undefined],
  ])('falls back to the same rules for %s', (_name, v) => {
    expect(canonicalJson(v)).toBe(reference(v));
  });

  it('hashes equal content equally whatever the key order', () => {
    expect(hashContent({ b: [1, { d: 1, c: 2 }], a: 'x', 10: 1, 9: 2 })).toBe(hashContent({ 9: 2, a: 'x', 10: 1, b: [1, { c: 2, d: 1 }] }));
  });
});
