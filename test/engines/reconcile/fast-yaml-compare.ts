/**
 * Compares the fast reader with `yaml` on one text: the data, and for every path in it the node's
 * position and source (registry lookups) and the card locator's answers. Returns 'declined' when
 * the fast reader leaves the text to `yaml`, else throws on the first difference.
 */
import { expect } from '@jest/globals';
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseDocument, type Node } from 'yaml';
import { HUB_YAML_OPTIONS } from '../../../src/engines/model-card/parse-hub-yaml-options.js';
import { createLocator } from '../../../src/engines/model-card/parse-locate.js';
import { readFrontMatter } from '../../../src/engines/model-card/parse-read-front-matter.js';
import { toPointer } from '../../../src/engines/model-card/parse-pointer.js';
import { readFastYaml } from '../../../src/engines/reconcile/read-fast-yaml.js';
import { locateFast, nodeAt, toData } from '../../../src/engines/reconcile/read-fast-locate.js';
import type { YamlFlavour } from '../../../src/engines/reconcile/read-fast-scalar.js';

function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

export function compareWithYaml(text: string, flavour: YamlFlavour): 'declined' | 'same' {
  const fast = readFastYaml(text, flavour);
  if (!fast) return 'declined';
  const lines = new LineCounter();
  const options = flavour === 'card' ? { ...HUB_YAML_OPTIONS, lineCounter: lines } : { lineCounter: lines, prettyErrors: false, logLevel: 'silent' as const };
  const doc = parseDocument(text, options);
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  const data = toData(fast);
  expect(JSON.stringify(data)).toBe(JSON.stringify(doc.toJS()));
  // node's check, not toStrictEqual: jest compares `.constructor`, which a key named constructor replaces.
  expect(isDeepStrictEqual(data, doc.toJS())).toBe(true);
  if (flavour === 'card' && fast.kind === 'map') expect(readFrontMatter(text, 1).problems).toEqual([]);
  const locate = createLocator(doc, lines, 1);
  const fastLocate = locateFast(fast, 1);
  for (const path of pathsOf(data)) {
    const node = doc.getIn(path, true) as Node | undefined;
    const mine = nodeAt(fast, path);
    const where = node?.range ? lines.linePos(node.range[0]) : null;
    expect([path, mine ? { line: mine.line, column: mine.column } : null]).toEqual([path, where && { line: where.line, column: where.col }]);
    const source = (node as { source?: unknown } | undefined)?.source;
    if (mine?.kind === 'scalar') expect([path, mine.source]).toEqual([path, source]);
    const pointer = toPointer(path.map(String));
    expect([pointer, fastLocate(pointer), fastLocate(pointer, { key: true })]).toEqual([pointer, locate(pointer), locate(pointer, { key: true })]);
  }
  return 'same';
}
