/** Finds where a config value was written: JSON path segments -> 1-based line and column. */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ProblemTarget } from './describe-schema-errors.js';

export interface Position {
  line: number;
  column: number;
}

interface Step {
  key: Node | null;
  value: Node | null;
}

/** The text of a mapping key as toJS would use it, or null for keys that are not scalars. */
export function keyText(key: unknown): string | null {
  return isScalar(key) ? String(key.value) : null;
}

function start(node: Node | null, lineCounter: LineCounter): Position | null {
  if (!node?.range) return null;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

/** An empty value (`key:` and nothing) has no text of its own to point at. */
function isEmptyScalar(node: Node | null): boolean {
  return isScalar(node) && node.source === '' && node.value === null;
}

function walk(doc: Document, segments: readonly string[]): Step[] {
  const steps: Step[] = [{ key: null, value: (doc.contents as Node | null) ?? null }];
  let node = steps[0]!.value;
  for (const segment of segments) {
    if (isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
    let step: Step | null = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === segment);
      if (pair) step = { key: pair.key as Node, value: (pair.value as Node | null) ?? null };
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item) step = { key: null, value: item };
    }
    if (!step) break; // written through a merge key or not at all: point at the closest ancestor
    steps.push(step);
    node = step.value;
  }
  return steps;
}

/**
 * value: the value itself (or its key when the value is empty); key: the key (unknown keys);
 * parent: the key that holds the mapping (missing keys). Falls back to the nearest ancestor, then 1:1.
 */
export function locateNode(doc: Document, lineCounter: LineCounter, segments: readonly string[], target: ProblemTarget): Position {
  const steps = walk(doc, segments);
  const found = steps.length === segments.length + 1;
  const candidates: (Node | null)[] = [];
  const last = steps[steps.length - 1]!;
  if (found && target === 'value' && !isEmptyScalar(last.value)) candidates.push(last.value);
  candidates.push(last.key);
  if (target !== 'key' || !found) candidates.push(last.value);
  for (const step of [...steps].reverse()) candidates.push(step.key, step.value);
  for (const node of candidates) {
    const position = start(node, lineCounter);
    if (position) return position;
  }
  return { line: 1, column: 1 };
}
