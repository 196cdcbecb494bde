/**
 * One model's metadata from one parsed mapping (a card's front matter or a registry entry): id,
 * version as written, checksums, lineage and content hash, with findings at the line they concern.
 */
import { makeFinding, type Finding } from '../findings.js';
import type { ModelMetadata, ReadOptions } from './types.js';
import { hashContent } from './read-canonical.js';
import { findChecksums } from './read-checksums.js';
import { pointerStep } from './merge-values.js';

export interface MappingSource {
  data: Record<string, unknown>;
  path: string;
  blob: string | null;
  /** The id when the mapping has none (a card's folder); null: the id field is required. */
  fallbackId: string | null;
  /** JSON Pointer (from the mapping) -> the scalar's text as written, e.g. "1.10" where YAML reads 1.1. */
  written(pointer: string): string | null;
  /** JSON Pointer (from the mapping) -> file line; the mapping's own line for "". */
  lineOf(pointer: string): number | null;
}

export interface ReadModel {
  model: ModelMetadata | null;
  /** Line of the id (or of the mapping), for the duplicate-id finding. */
  line: number | null;
  findings: Finding[];
}

/** Strings as they are; numbers as written (YAML reads version 1.10 as the number 1.1). */
function scalarText(value: unknown, written: () => string | null): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return written() ?? String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

function readBaseModels(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function finding(source: MappingSource, pointer: string, rule: string, message: string, hint: string): Finding {
  const severity = rule === 'reconcile-checksum' ? 'warning' : 'error';
  return makeFinding({ check: 'reconcile', rule, severity, message, hint, path: source.path, line: source.lineOf(pointer), field: pointer });
}

export function readModel(source: MappingSource, options: ReadOptions): ReadModel {
  const idPointer = pointerStep('', options.idField);
  const versionPointer = pointerStep('', options.versionField);
  const rawId = source.data[options.idField];
  const id = Object.hasOwn(source.data, options.idField) ? scalarText(rawId, () => source.written(idPointer)) : source.fallbackId;
  if (id === null || id === '') {
    const message = `this model has no usable '${options.idField}' (the id field of reconcile), so it was not read`;
    const hint = `Add '${options.idField}: <model id>' to this entry, or set reconcile.id-field to the key your registry uses.`;
    return { model: null, line: source.lineOf(''), findings: [finding(source, '', 'reconcile-id-missing', message, hint)] };
  }
  const rawVersion = source.data[options.versionField];
  const version = scalarText(rawVersion, () => source.written(versionPointer));
  // The version as written replaces YAML's number, so 1.10 and "1.10" are the same content and merge as text.
  const data = typeof rawVersion === 'number' && version !== null ? { ...source.data, [options.versionField]: version } : source.data;
  const { checksums, problems } = findChecksums(data);
  const findings = problems.map((p) => finding(source, p.pointer, 'reconcile-checksum', p.message,
    'Write the checksum as the 64 hex digits of sha256sum <file>, or remove the field.'));
  const relation = data.base_model_relation;
  const model: ModelMetadata = {
    id, version, contentHash: hashContent(data), checksums,
    baseModels: readBaseModels(data.base_model),
    baseModelRelation: typeof relation === 'string' ? relation : null,
    data, path: source.path, blob: source.blob,
  };
  return { model, line: Object.hasOwn(source.data, options.idField) ? source.lineOf(idPointer) : source.lineOf(''), findings };
}
