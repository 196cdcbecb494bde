/**
 * The fast reader (read-fast-yaml.ts) reads exactly what `yaml` reads, or declines: fast-check
 * documents in and around its subset (YAML 1.1 and 1.2 readings, indentation styles, comments,
 * quotes, flow lists, odd keys), compared on data, positions and the models read from them.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { propertyRuns } from '../../support/property-runs.js';
import { readCardFast, readCardFull } from '../../../src/engines/reconcile/read-card.js';
import { readRegistryFast, readRegistryFull } from '../../../src/engines/reconcile/read-registry.js';
import { readFastYaml } from '../../../src/engines/reconcile/read-fast-yaml.js';
import { toData } from '../../../src/engines/reconcile/read-fast-locate.js';
import { compareWithYaml } from './fast-yaml-compare.js';

const options = { idField: 'id', versionField: 'version' };
const SHA = 'ab'.repeat(32);
/** Plain and quoted scalars in the subset, with every YAML 1.1 / 1.2 reading that differs from the text. */
const SCALARS = [
  'mit', 'apache-2.0', 'org/base-1', 'a b', 'a#b', 'https://x.org/a?b=c', 'é café', '-1', '+1', '-.5',
  '1.10', '1.0.0', '1.1', '10', '0', '007', '0755', '0o17', '0x1F', '0b101', '1_000', '1:20', '1:20.5', '1e3', '1.5e+3', '1.5E-3', '.inf', '-.Inf', '.nan',
  'yes', 'no', 'Yes', 'NO', 'on', 'Off', 'y', 'n', 'Y', 'true', 'False', 'TRUE', 'null', 'Null', '~', '2024-01-05', '2024-01-05 10:00:00',
  "'quoted'", "'a, b'", '"dq"', '""', "''", '[a, b]', '[]', '[1.10, yes, "x", \'y\']', SHA, `sha256:${SHA}`,
];
/** What the fast reader must decline (or read right if it ever accepts it). */
const ODD_SCALARS = ['a: b', 'a #b', 'a:', '-', '--', '-x', "'it''s'", '"a\\nb"', '[ ]', '[a,]', '[a, [b]]', '{a: 1}', '&x a', '*x',
  '!!str 1', '|', '>', '? a', '@a', '`a`', '%a', '#c', 'x ', '<<', '[a:b]', '["a]"]'];
const KEYS = ['id', 'version', 'base_model', 'files', 'sha256', 'oid', 'path', 'a.b', 'x-y', 'k_1', 'constructor', 'toString'];
const ODD_KEYS = ['1', '1.5', 'yes', 'null', 'on', '<<', '__proto__', 'key with space', "'q'", '"dq"', 'a:b', '-k', 'é'];

const scalar = fc.oneof({ arbitrary: fc.constantFrom(...SCALARS), weight: 40 }, { arbitrary: fc.constantFrom(...ODD_SCALARS), weight: 1 });
const key = fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 40 }, { arbitrary: fc.constantFrom(...ODD_KEYS), weight: 1 });

type Tree = { scalar: string } | { map: [string, Tree][]; seqSameIndent: boolean } | { seq: Tree[] };

/** Keys mostly distinct (a duplicate key is always declined), sometimes not. */
function pairs(value: fc.Arbitrary<Tree>, maxLength: number): fc.Arbitrary<[string, Tree][]> {
  const distinct = fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength, selector: ([k]) => k });
  return fc.oneof({ arbitrary: distinct, weight: 9 }, { arbitrary: fc.array(fc.tuple(key, value), { minLength: 1, maxLength }), weight: 1 });
}

const trees = fc.letrec<{ node: Tree; root: Tree }>((tie) => ({
  root: fc.record({ map: pairs(tie('node'), 5), seqSameIndent: fc.boolean() }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.record({ scalar }),
    fc.record({ map: pairs(tie('node'), 3), seqSameIndent: fc.boolean() }),
    fc.record({ seq: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) })),
}));
/** Mostly mappings at the root, as registry files and front matter are. */
const tree = fc.oneof({ arbitrary: trees.root, weight: 3 }, { arbitrary: trees.node, weight: 1 });

function render(node: Tree, indent: number, step: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if ('scalar' in node) out.push(`${pad}${node.scalar}`);
  else if ('map' in node) {
    for (const [key, value] of node.map) {
      if ('scalar' in value) out.push(`${pad}${key}: ${value.scalar}`);
      else {
        out.push(`${pad}${key}:`);
        render(value, 'seq' in value && node.seqSameIndent ? indent : indent + step, step, out);
      }
    }
  } else {
    for (const item of node.seq) {
      const lines: string[] = [];
      render(item, indent + 2, step, lines);
      lines[0] = `${pad}- ${lines[0]!.slice(indent + 2)}`;
      out.push(...lines);
    }
  }
}

/** Comment lines, blank lines and trailing spaces dropped in at random lines. */
const noise = fc.array(fc.tuple(fc.nat(40), fc.constantFrom('# comment', '', '   ', '  # indented', 'x: 1', '  more', '---', '...', 'trailing ')), { maxLength: 1 })
  .chain((lines) => fc.constantFrom([], [], lines));

const documents = fc.tuple(tree, fc.constantFrom(2, 4), noise).map(([root, step, extra]) => {
  const lines: string[] = [];
  render(root, 0, step, lines);
  for (const [at, line] of extra) {
    const i = at % (lines.length + 1);
    if (line === 'trailing ') lines[Math.min(i, lines.length - 1)] += ' ';
    else lines.splice(i, 0, line);
  }
  return `${lines.join('\n')}\n`;
});

describe('fast YAML reader', () => {
  it('reads generated documents exactly as yaml does (data, positions, sources), or declines', () => {
    const seen = { same: 0, declined: 0 };
    fc.assert(fc.property(documents, fc.constantFrom('card' as const, 'registry' as const), (text, flavour) => {
      seen[compareWithYaml(text, flavour)]++;
    }), propertyRuns(3000));
    // The generator must reach the subset often, or the property says nothing.
    expect(seen.same).toBeGreaterThan(seen.declined / 4);
  });

  it('reads the same models and findings as the full path from registry files and cards', () => {
    fc.assert(fc.property(documents, (text) => {
      const registry = { path: 'models/m/model.yml', text, blob: 'b10b', kind: 'registry' as const };
      const fastRegistry = readRegistryFast(registry, options);
      if (fastRegistry) expect(fastRegistry).toEqual(readRegistryFull(registry, options));
      const card = { path: 'models/m/README.md', text: `---\n${text}---\n# Model\n`, blob: 'b10b', kind: 'card' as const };
      const fastCard = readCardFast(card, options);
      if (fastCard) expect(fastCard).toEqual(readCardFull(card, options));
    }), propertyRuns(2000));
  });

  it.each([
    ['version: 1.10\n', 'registry', { version: 1.1 }],
    ['version: 1.10\n', 'card', { version: 1.1 }],
    ['a: yes\n', 'registry', { a: 'yes' }],
    ['a: 1:20\n', 'registry', { a: '1:20' }],
    ['a: 0755\n', 'registry', { a: 755 }],
    ['a: 2024-01-05\n', 'card', { a: '2024-01-05' }],
    ['tags: [text-generation, "x"]\nfiles:\n- path: a\n  sha256: b\n', 'card', { tags: ['text-generation', 'x'], files: [{ path: 'a', sha256: 'b' }] }],
  ] as const)('reads %j as %s YAML the way yaml does', (text, flavour, expected) => {
    const root = readFastYaml(text, flavour);
    expect(root && toData(root)).toEqual(expected);
    expect(compareWithYaml(text, flavour)).toBe('same');
  });

  it.each([
    ['a: yes\n', 'card'], ['a: 0755\n', 'card'], ['a: 1:20\n', 'card'], ['a: &x 1\nb: *x\n', 'registry'], ['a: |\n  x\n', 'registry'],
    ['a: 1 # note\n', 'registry'], ['a: x\n  y\n', 'registry'], ['a: 1\na: 2\n', 'registry'], ['a:\tb\n', 'registry'], ['a: b\r\n', 'registry'],
    ['a:\n', 'registry'], ['just text\n', 'registry'], ['', 'registry'],
  ] as const)('leaves %j (%s) to yaml', (text, flavour) => {
    expect(readFastYaml(text, flavour)).toBeNull();
  });
});
