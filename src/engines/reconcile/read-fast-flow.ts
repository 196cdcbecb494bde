/**
 * A one-line flow list of scalars, `[text-generation, 'en', 1.5]`, for the fast reader: items are
 * simple plain or quoted scalars separated by commas; nesting, flow mappings, empty items, a
 * trailing comma or anything after the `]` make it decline (return null).
 */
import type { FastNode } from './read-fast-yaml.js';
import { isSimpleFlowPlain, readSimpleQuoted, resolvePlain, type YamlFlavour } from './read-fast-scalar.js';

/** `[ item, item ]` items: text and offset in the line; null when not that simple. */
function splitItems(text: string): { text: string; offset: number }[] | null {
  if (!text.endsWith(']')) return null;
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return inner === '' ? [] : null;
  const items: { text: string; offset: number }[] = [];
  let start = 0;
  for (const piece of inner.split(',')) {
    const lead = piece.length - piece.replace(/^ +/, '').length;
    const item = piece.replace(/^ +| +$/g, '');
    if (item === '') return null;
    items.push({ text: item, offset: 1 + start + lead });
    start += piece.length + 1;
  }
  return items;
}

function readItem(text: string, line: number, column: number, flavour: YamlFlavour): FastNode | null {
  const quoted = readSimpleQuoted(text);
  if (quoted !== undefined) return /[,[\]{}]/.test(quoted) ? null : { kind: 'scalar', value: quoted, source: quoted, line, column };
  if (!isSimpleFlowPlain(text)) return null;
  const value = resolvePlain(text, flavour, false);
  return value === undefined ? null : { kind: 'scalar', value, source: text, line, column };
}

/** `column`: 1-based column of the `[`. */
export function readFlowLine(text: string, line: number, column: number, flavour: YamlFlavour): FastNode | null {
  const items = splitItems(text);
  if (!items) return null;
  const nodes: FastNode[] = [];
  for (const item of items) {
    const node = readItem(item.text, line, column + item.offset, flavour);
    if (!node) return null;
    nodes.push(node);
  }
  return { kind: 'seq', items: nodes, line, column };
}
