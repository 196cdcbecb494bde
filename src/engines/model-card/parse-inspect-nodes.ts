/**
 * One pass over the parsed metadata for what `yaml` accepts but the Hub's reader (PyYAML, YAML 1.1)
 * reads differently or refuses: duplicate keys, list or mapping keys, and plain scalars such as
 * `no`, `on`, `1:20` or `0755` that become booleans and numbers. Iterative, aliases not followed,
 * so no input makes it recurse or explode.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { toPointer } from './parse-pointer.js';

export interface NodeProblem {
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  /** Offset in the front-matter text. */
  offset: number;
  field: string;
}

export interface Inspection {
  problems: NodeProblem[];
  /** [start, end) offsets of quoted and block scalars, where PyYAML accepts tabs. */
  tabSafe: [number, number][];
}

/** The key as toJS writes it into the data object. */
export function dataKey(key: unknown): string | null {
  if (!isScalar(key)) return null;
  return key.value === null ? '' : String(key.value);
}

const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const OCTAL = /^[-+]?0[0-7_]+$/;

function describeReading(scalar: Scalar): string | null {
  const source = scalar.source;
  if (scalar.type !== 'PLAIN' || typeof source !== 'string') return null;
  if (typeof scalar.value === 'boolean' && !CORE_BOOL.test(source)) return `the boolean ${String(scalar.value)}`;
  if (typeof scalar.value !== 'number') return null;
  if (source.includes(':')) return `the number ${scalar.value} (a base-60 number, like a clock time)`;
  if (OCTAL.test(source)) return `the number ${scalar.value} (an octal number)`;
  return null;
}

interface Frame {
  node: unknown;
  segments: string[];
}

function quotedHint(source: string, context: { key: string | null; isKey: boolean }): string {
  const quoted = `'${source}'`;
  if (context.isKey) return `Quote the key: ${quoted}:`;
  return context.key === null ? `Quote it: - ${quoted}` : `Quote it: ${context.key}: ${quoted}`;
}

function surprise(scalar: Scalar, segments: string[], context: { key: string | null; isKey: boolean }): NodeProblem | null {
  const reading = describeReading(scalar);
  if (!reading || !scalar.range) return null;
  const source = scalar.source as string;
  return {
    severity: segments[0] === 'language' && !context.isKey ? 'error' : 'warning',
    message: `the Hub reads \`${source}\` as ${reading} (YAML 1.1); write '${source}' in quotes if you mean the text`,
    hint: quotedHint(source, context),
    offset: scalar.range[0],
    field: toPointer(segments),
  };
}

function noteTabSafe(node: unknown, tabSafe: [number, number][]): void {
  if (isScalar(node) && node.range && node.type && node.type !== 'PLAIN') tabSafe.push([node.range[0], node.range[1]]);
}

/** `fileLine` turns an offset in the front matter into a line of the file, for messages. */
export function inspectNodes(doc: Document, fileLine: (offset: number) => number): Inspection {
  const problems: NodeProblem[] = [];
  const tabSafe: [number, number][] = [];
  const stack: Frame[] = [{ node: doc.contents, segments: [] }];
  while (stack.length > 0) {
    const { node, segments } = stack.pop()!;
    noteTabSafe(node, tabSafe);
    if (isScalar(node)) {
      const parentKey = segments.length > 0 && !/^\d+$/.test(segments[segments.length - 1]!) ? segments[segments.length - 1]! : null;
      const found = surprise(node, segments, { key: parentKey, isKey: false });
      if (found) problems.push(found);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, segments: [...segments, String(i)] }));
    } else if (isMap(node)) {
      inspectPairs(node.items, segments, { problems, tabSafe, stack, fileLine });
    }
  }
  tabSafe.sort((a, b) => a[0] - b[0]);
  return { problems, tabSafe };
}

interface PairOutput {
  problems: NodeProblem[];
  tabSafe: [number, number][];
  stack: Frame[];
  fileLine: (offset: number) => number;
}

function inspectPairs(pairs: readonly { key: unknown; value: unknown }[], segments: string[], out: PairOutput): void {
  const seen = new Map<string, number>();
  for (const pair of pairs) {
    const keyNode = pair.key as Node | null;
    noteTabSafe(keyNode, out.tabSafe);
    const key = dataKey(keyNode);
    const offset = keyNode?.range?.[0] ?? 0;
    if (key === null && keyNode !== null) {
      out.problems.push({
        severity: 'error', offset, field: toPointer(segments),
        message: 'a key that is a list or mapping: the Hub\'s YAML reader refuses it ("found unhashable key")',
        hint: 'Keys must be plain text: write the key as a single word or quoted string.',
      });
      continue;
    }
    const name = key ?? '';
    if (name === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN') {
      out.stack.push({ node: pair.value, segments }); // merged keys land in this mapping
      continue;
    }
    const childSegments = [...segments, name];
    if (isScalar(keyNode)) {
      const found = surprise(keyNode, childSegments, { key: null, isKey: true });
      if (found) out.problems.push(found);
    }
    const first = seen.get(name);
    if (first !== undefined) {
      out.problems.push({
        severity: 'error', offset, field: toPointer(childSegments),
        message: `duplicate key '${name}' (first written at line ${out.fileLine(first)}); the Hub's YAML reader keeps only the last one`,
        hint: 'Remove one of the two, or merge their values.',
      });
    } else seen.set(name, offset);
    out.stack.push({ node: pair.value, segments: childSegments });
  }
}
