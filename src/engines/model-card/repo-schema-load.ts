/**
 * A repository's card schema and every local file it `$ref`s, gathered through the caller's reader
 * (pure: the CLI reads the disk, the App the port). Local refs are relative to the file that holds
 * them and are rewritten to absolute ids; `steward:huggingface` (or the profile's `$id`) names the
 * built-in Hub profile. The root's `$schema` picks the draft: none means draft-07, as for most
 * schemas written for editors.
 */
import { HUGGINGFACE_CARD_SCHEMA } from './profile-huggingface-schema.js';

/** The parsed schema at a path; null when there is no such file; text saying why it cannot be read. */
export type ReadSchema = (path: string) => unknown;

export type SchemaDraft = 'draft-07' | '2019-09' | '2020-12';

export interface SchemaBundle {
  file: string;
  draft: SchemaDraft;
  /** Id of the root document; every document below is keyed by its id. */
  root: string;
  documents: Record<string, Record<string, unknown>>;
}

export type LoadedSchema = { file: string; bundle: SchemaBundle } | { file: string; error: string };

/** Where the built-in profile is published (schemas/model-card.huggingface.schema.json). */
export const HUGGINGFACE_CARD_SCHEMA_URL =
  'https://raw.githubusercontent.com/steward-dev/steward/main/schemas/model-card.huggingface.schema.json';
export const BUILTIN_ID = HUGGINGFACE_CARD_SCHEMA.$id;
const BUILTIN_ALIASES = new Set(['steward:huggingface', BUILTIN_ID, HUGGINGFACE_CARD_SCHEMA_URL]);
const LOCAL = 'https://repository.invalid/';
const MAX_DOCUMENTS = 100;
const DATA_KEYWORDS = new Set(['const', 'enum', 'examples', 'default']);

const DRAFTS: [RegExp, SchemaDraft][] = [
  [/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, 'draft-07'],
  [/^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, '2019-09'],
  [/^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, '2020-12'],
];

class SchemaLoadError extends Error {}

export function loadRepoSchema(file: string, readSchema: ReadSchema): LoadedSchema {
  try {
    const root = normalisePath(file);
    const first = readDocument(root, file, readSchema);
    const draft = draftOf(first.$schema);
    const documents: Record<string, Record<string, unknown>> = {};
    const pending: [string, Record<string, unknown>][] = [[root, first]];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [path, schema] = next;
      if (localId(path) in documents) continue;
      if (Object.keys(documents).length >= MAX_DOCUMENTS) throw new SchemaLoadError(`it refers to more than ${MAX_DOCUMENTS} files`);
      const refs: string[] = [];
      const rewritten = rewriteRefs(schema, path, refs) as Record<string, unknown>;
      documents[localId(path)] = { ...rewritten, $id: localId(path) };
      for (const ref of refs) if (!(localId(ref) in documents)) pending.push([ref, readDocument(ref, file, readSchema)]);
    }
    for (const doc of Object.values(documents)) delete doc.$schema;
    return { file, bundle: { file, draft, root: localId(root), documents } };
  } catch (error) {
    if (error instanceof SchemaLoadError) return { file, error: error.message };
    throw error;
  }
}

function readDocument(path: string, file: string, readSchema: ReadSchema): Record<string, unknown> {
  const where = path === normalisePath(file) ? 'the file' : `${path} (which it $refs)`;
  const read = readSchema(path);
  if (read === null || read === undefined) throw new SchemaLoadError(`${where} cannot be found`);
  if (typeof read === 'string') throw new SchemaLoadError(`${where} cannot be read: ${read}`);
  if (typeof read !== 'object' || Array.isArray(read)) throw new SchemaLoadError(`${where} is not a JSON Schema object`);
  return read as Record<string, unknown>;
}

function draftOf(value: unknown): SchemaDraft {
  if (value === undefined) return 'draft-07';
  const found = DRAFTS.find(([pattern]) => typeof value === 'string' && pattern.test(value));
  if (found) return found[1];
  throw new SchemaLoadError(`its $schema ${JSON.stringify(value)} is not one Steward reads (draft-07, 2019-09 or 2020-12)`);
}

/** A copy with every `$ref` made absolute; local files it names are pushed onto `refs`. */
function rewriteRefs(node: unknown, path: string, refs: string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, path, refs));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out[key] = absoluteRef(value, path, refs);
    else out[key] = DATA_KEYWORDS.has(key) ? value : rewriteRefs(value, path, refs);
  }
  return out;
}

function absoluteRef(ref: string, path: string, refs: string[]): string {
  const cut = ref.indexOf('#');
  const target = cut < 0 ? ref : ref.slice(0, cut);
  const fragment = cut < 0 ? '' : ref.slice(cut);
  if (target === '') return localId(path) + fragment;
  if (BUILTIN_ALIASES.has(target)) return BUILTIN_ID + fragment;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    throw new SchemaLoadError(`its $ref "${ref}" points outside the repository; Steward follows $ref to repository files and to steward:huggingface`);
  }
  const resolved = normalisePath(`${path.slice(0, path.lastIndexOf('/') + 1)}${target}`);
  refs.push(resolved);
  return localId(resolved) + fragment;
}

function localId(path: string): string {
  return LOCAL + encodeURIComponent(path);
}

/** `a/./b/../c.json` -> `a/c.json`; leading `..` stay (a schema outside --repo). */
export function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
