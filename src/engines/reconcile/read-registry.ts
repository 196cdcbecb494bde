/**
 * A registry file (reconcile.paths): YAML or JSON holding one model's mapping, or a list of them
 * (several models in one file). Parsed with positions so every finding names its line: by the fast
 * reader when the file is plain block YAML (most are), else by `yaml`.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { makeFinding, type Finding } from '../findings.js';
import type { MetadataFile, ReadOptions } from './types.js';
import { readModel, type ReadModel } from './read-model.js';
import { readFastYaml, type FastNode } from './read-fast-yaml.js';
import { nodeAt, toData } from './read-fast-locate.js';

/** A few anchors are normal, thousands are an attack (the card engine's limit too). */
const MAX_ALIAS_COUNT = 100;

interface Parsed {
  doc: Document;
  lines: LineCounter;
  data: unknown;
}

function problem(file: MetadataFile, line: number | null, message: string, hint: string): Finding {
  return makeFinding({ check: 'reconcile', rule: 'reconcile-metadata', severity: 'error', message, hint, path: file.path, line });
}

/** YAML reads some broken JSON (`"a": }` is a null in YAML), so a .json file must also be JSON. */
function checkJson(file: MetadataFile, lines: LineCounter): Finding | null {
  try {
    JSON.parse(file.text);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1];
    return problem(file, offset === undefined ? null : lines.linePos(Number(offset)).line,
      `this registry file is not valid JSON: ${message.replace(/\s+/g, ' ').slice(0, 200)}`, 'Fix the JSON syntax, e.g. with `jq . file`.');
  }
}

function parse(file: MetadataFile): Parsed | Finding {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false, logLevel: 'silent' });
  const error = doc.errors[0];
  if (error) {
    return problem(file, lines.linePos(error.pos[0]).line, `this registry file is not valid YAML or JSON: ${error.message}`,
      'Fix the syntax at this line; `npx yaml valid < file` shows the same error.');
  }
  const json = file.path.toLowerCase().endsWith('.json') ? checkJson(file, lines) : null;
  if (json) return json;
  try {
    return { doc, lines, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch {
    return problem(file, 1, `this registry file expands aliases past ${MAX_ALIAS_COUNT} times, so it was not read`,
      'Write the values out instead of repeating them through anchors and aliases.');
  }
}

/** JSON Pointer segments, as numbers for list indices (yaml's getIn takes both). */
function segments(pointer: string): string[] {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function readEntry(file: MetadataFile, parsed: Parsed, prefix: number[], data: Record<string, unknown>, options: ReadOptions): ReadModel {
  const node = (pointer: string): unknown => parsed.doc.getIn([...prefix, ...segments(pointer)], true);
  const lineOf = (pointer: string): number | null => {
    const range = (node(pointer) as { range?: [number, number, number] } | undefined)?.range;
    return range ? parsed.lines.linePos(range[0]).line : null;
  };
  const written = (pointer: string): string | null => {
    const scalar = node(pointer);
    return isScalar(scalar) && scalar.source !== undefined ? scalar.source : null;
  };
  return readModel({ data, path: file.path, blob: file.blob, fallbackId: null, written, lineOf }, options);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Through `yaml` with positions: every registry file, with its findings. */
export function readRegistryFull(file: MetadataFile, options: ReadOptions): { models: ReadModel[]; findings: Finding[] } {
  const parsed = parse(file);
  if (!('doc' in parsed)) return { models: [], findings: [parsed] };
  const { data, doc } = parsed;
  if (isRecord(data) && isMap(doc.contents)) return { models: [readEntry(file, parsed, [], data, options)], findings: [] };
  if (Array.isArray(data) && isSeq(doc.contents) && data.every(isRecord)) {
    return { models: data.map((entry, i) => readEntry(file, parsed, [i], entry, options)), findings: [] };
  }
  const line = doc.contents?.range ? parsed.lines.linePos(doc.contents.range[0]).line : 1;
  return {
    models: [],
    findings: [problem(file, line, 'a registry file must hold one model (a mapping) or a list of models (mappings), so this one was not read',
      `Write it as 'id: <model id>' lines, or as a list of such entries starting with '- id: …'.`)],
  };
}

function readFastEntry(file: MetadataFile, root: FastNode, prefix: number[], data: Record<string, unknown>, options: ReadOptions): ReadModel {
  const node = (pointer: string): FastNode | undefined => nodeAt(root, [...prefix, ...segments(pointer)]);
  return readModel({
    data, path: file.path, blob: file.blob, fallbackId: null,
    written: (pointer) => {
      const scalar = node(pointer);
      return scalar?.kind === 'scalar' ? scalar.source : null;
    },
    lineOf: (pointer) => node(pointer)?.line ?? null,
  }, options);
}

/**
 * Through the fast reader (read-fast-yaml.ts): null when it declines, or when the file is JSON (which
 * must also pass JSON.parse) or not one model or a list of models (the full path words that finding).
 */
export function readRegistryFast(file: MetadataFile, options: ReadOptions): { models: ReadModel[]; findings: Finding[] } | null {
  if (file.path.toLowerCase().endsWith('.json')) return null;
  const root = readFastYaml(file.text, 'registry');
  if (!root) return null;
  const data = toData(root);
  if (root.kind === 'map') return { models: [readFastEntry(file, root, [], data as Record<string, unknown>, options)], findings: [] };
  if (root.kind !== 'seq' || !root.items.every((item) => item.kind === 'map')) return null;
  return { models: (data as Record<string, unknown>[]).map((entry, i) => readFastEntry(file, root, [i], entry, options)), findings: [] };
}

/** The same result either way: the fast reader reads exactly what `yaml` reads, or declines. */
export function readRegistryFile(file: MetadataFile, options: ReadOptions): { models: ReadModel[]; findings: Finding[] } {
  return readRegistryFast(file, options) ?? readRegistryFull(file, options);
}
