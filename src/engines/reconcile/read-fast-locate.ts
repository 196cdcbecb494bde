/**
 * What the card and registry readers ask of a parsed document, answered from the fast reader's
 * nodes exactly as `yaml` answers them: the data (`toJS`), the card engine's locate (parse-locate.ts)
 * and the registry reader's node lookup (`Document.getIn` with keepScalar).
 */
import { parsePointer } from '../model-card/parse-pointer.js';
import type { FastNode } from './read-fast-yaml.js';

export function toData(node: FastNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toData);
  const data: Record<string, unknown> = {};
  for (const pair of node.pairs) data[pair.key] = toData(pair.value);
  return data;
}

export interface Place {
  line: number;
  column: number;
}

/** parse-locate's createLocator: the value's position (or the key's, with `key`), lines counted from `firstLine`. */
export function locateFast(root: FastNode, firstLine: number): (pointer: string, options?: { key?: boolean }) => Place | null {
  return (pointer, options) => {
    const segments = parsePointer(pointer);
    if (segments === null) return null;
    let key: Place | null = null;
    let value: FastNode = root;
    for (const segment of segments) {
      if (value.kind === 'map') {
        const pair = value.pairs.find((p) => p.key === segment);
        if (!pair) return null;
        [key, value] = [pair, pair.value];
      } else if (value.kind === 'seq' && /^(?:0|[1-9]\d*)$/.test(segment)) {
        const item = value.items[Number(segment)];
        if (!item) return null;
        [key, value] = [null, item];
      } else return null;
    }
    const place = options?.key ? key ?? value : value;
    return { line: firstLine + place.line - 1, column: place.column };
  };
}

/** yaml's asItemIndex: a list index from a path step. */
function itemIndex(step: string | number): number | null {
  const index = step && typeof step === 'string' ? Number(step) : step;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : null;
}

/** `Document.getIn(path, true)`: the node at a path of keys and list indices, or undefined. */
export function nodeAt(root: FastNode, path: readonly (string | number)[]): FastNode | undefined {
  let node: FastNode | undefined = root;
  for (const step of path) {
    if (node?.kind === 'map') node = node.pairs.find((p) => p.key === step)?.value;
    else if (node?.kind === 'seq') {
      const index = itemIndex(step);
      node = index === null ? undefined : node.items[index];
    } else return undefined;
  }
  return node;
}
