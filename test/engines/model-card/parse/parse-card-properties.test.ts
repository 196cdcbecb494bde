/** Property-based: random mappings rendered to YAML inside a card; every key's position points at that key. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseCard } from '../../../../src/engines/model-card/parse-card.js';
import { propertyRuns } from '../../../support/property-runs.js';

/** Keys YAML 1.1 would read as something other than text (yes, no, null, numbers) are left out: they are tested elsewhere. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
const key = fc.stringMatching(/^[a-z][a-z0-9_/~-]{0,7}$/).filter((k) => !RESERVED.test(k));
const scalar = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.stringMatching(/^[a-z][a-z ]{0,10}[a-z]$/).filter((s) => !RESERVED.test(s)), fc.constant(null));

type Tree = unknown;
const { tree } = fc.letrec<{ tree: Tree; map: Tree; list: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('tree'), { minKeys: 1, maxKeys: 5 }),
  list: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
}));
const root = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 });

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every [pointer, key] of the mapping keys in the data. */
function keyPointers(value: unknown, pointer = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => keyPointers(item, `${pointer}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [[`${pointer}/${escape(k)}`, k] as [string, string], ...keyPointers(v, `${pointer}/${escape(k)}`)]);
}

function render(data: object, leading: string, eol: string, flow: boolean): string {
  const yaml = stringify(data, flow ? { collectionStyle: 'flow', lineWidth: 0 } : { lineWidth: 0 });
  return `${leading}---\n${yaml}---\n# Model\n`.replace(/\n/g, eol);
}

describe('front-matter splitting and position mapping (property-based)', () => {
  it('locate(pointer, {key: true}) points at a line whose text at that column starts with the key', () => {
    const leading = fc.array(fc.constantFrom('', '  ', '\t'), { maxLength: 4 }).map((lines) => lines.map((l) => `${l}\n`).join(''));
    fc.assert(
      fc.property(root, leading, fc.constantFrom('\n', '\r\n'), (data, blank, eol) => {
        const text = render(data, blank, eol, false);
        const card = parseCard(text, 'README.md');
        expect(card.findings).toEqual([]);
        expect(card.frontMatter!.data).toEqual(data);
        const lines = text.split('\n');
        expect(lines[card.frontMatter!.startLine - 2]).toMatch(/^---\r?$/);
        expect(lines[card.frontMatter!.endLine - 1]).toMatch(/^---\r?$/);
        for (const [pointer, k] of keyPointers(data)) {
          const at = card.frontMatter!.locate(pointer, { key: true });
          expect(at).not.toBeNull();
          expect(lines[at!.line - 1]!.slice(at!.column - 1).startsWith(k)).toBe(true);
        }
      }),
      propertyRuns(300),
    );
  });

  it('values in flow style are located too: the text there renders the value', () => {
    fc.assert(
      fc.property(root, fc.constantFrom('\n', '\r\n'), (data, eol) => {
        const text = render(data, '', eol, true);
        const card = parseCard(text, 'README.md');
        const lines = text.split('\n');
        for (const [pointer, k] of keyPointers(data)) {
          const at = card.frontMatter!.locate(pointer, { key: true })!;
          expect(lines[at.line - 1]!.slice(at.column - 1).startsWith(k)).toBe(true);
          const value = card.frontMatter!.locate(pointer);
          const expected = pointer.split('/').slice(1).reduce<unknown>((node, s) => (node as Record<string, unknown>)[s.replace(/~1/g, '/').replace(/~0/g, '~')], data);
          if (typeof expected === 'number' && value) expect(lines[value.line - 1]!.slice(value.column - 1).startsWith(String(expected))).toBe(true);
        }
      }),
      propertyRuns(150),
    );
  });

  it('the body is what follows the closing fence, whatever the leading whitespace and line endings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \n]{0,5}$/), fc.constantFrom('\n', '\r\n'), fc.string({ maxLength: 40 }), (blank, eol, body) => {
        const text = `${blank}---${eol}a: 1${eol}---${eol}${body}`;
        const card = parseCard(text, 'x');
        expect(card.frontMatter!.data).toEqual({ a: 1 });
        expect(card.body).toBe(body);
        expect(card.bodyStartLine).toBe(text.slice(0, text.length - body.length).split('\n').length);
      }),
      propertyRuns(100),
    );
  });
});
