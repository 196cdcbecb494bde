/** Maps a JSON Pointer into the metadata to the line and column in the card file where it was written. */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Position } from './types.js';
import { dataKey } from './parse-inspect-nodes.js';
import { parsePointer } from './parse-pointer.js';

interface Step {
  key: Node | null;
  value: Node | null;
}

function resolve(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.value === '<<';
}

/** The pair the Hub's reader keeps: the last of duplicates, else one brought in by a `<<` merge. */
function findPair(doc: Document, map: { items: Pair[] }, segment: string, depth: number): Pair | null {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i]!;
    if (!isMergePair(pair) && dataKey(pair.key) === segment) return pair;
  }
  if (depth > 10) return null;
  for (const pair of map.items) {
    if (!isMergePair(pair)) continue;
    const source = resolve(doc, pair.value);
    const sources = isSeq(source) ? source.items.map((item) => resolve(doc, item)) : [source];
    for (const candidate of sources) {
      const found = isMap(candidate) ? findPair(doc, candidate, segment, depth + 1) : null;
      if (found) return found;
    }
  }
  return null;
}

function step(doc: Document, node: unknown, segment: string): Step | null {
  const target = resolve(doc, node);
  if (isMap(target)) {
    const pair = findPair(doc, target, segment, 0);
    return pair ? { key: pair.key as Node, value: (pair.value as Node | null) ?? null } : null;
  }
  if (isSeq(target) && /^(?:0|[1-9]\d*)$/.test(segment)) {
    const item = target.items[Number(segment)] as Node | undefined;
    return item === undefined ? null : { key: null, value: item };
  }
  return null;
}

/** `key:` with nothing after it has no text of its own to point at. */
function hasOwnText(node: Node | null): node is Node {
  if (!node?.range) return false;
  return !(isScalar(node) && node.value === null && node.source === '');
}

export type Locate = (pointer: string, options?: { key?: boolean }) => Position | null;

/** `firstLine`: the file line of the front matter's first line. */
export function createLocator(doc: Document, lineCounter: LineCounter, firstLine: number): Locate {
  const at = (node: Node): Position => {
    const { line, col } = lineCounter.linePos(node.range![0]);
    return { line: firstLine + line - 1, column: col };
  };
  return (pointer, options) => {
    const segments = parsePointer(pointer);
    if (segments === null) return null;
    let current: Step = { key: null, value: (doc.contents as Node | null) ?? null };
    for (const segment of segments) {
      const next = step(doc, current.value, segment);
      if (!next) return null;
      current = next;
    }
    const candidates = options?.key ? [current.key, current.value] : [current.value, current.key];
    const node = candidates.find(hasOwnText);
    return node ? at(node) : null;
  };
}
