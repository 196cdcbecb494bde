/**
 * A repository schema bundle compiled by the ajv class of its draft, once per content: the key is a
 * hash of every document's text, so a thousand cards (or a thousand webhook deliveries) that use the
 * same schema compile it once. Bad schemas are cached as their error too.
 */
import { createHash } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { HUGGINGFACE_CARD_SCHEMA } from './profile-huggingface-schema.js';
import type { SchemaBundle, SchemaDraft } from './repo-schema-load.js';

export type CompiledSchema = { validate: ValidateFunction } | { error: string };

const CLASSES: Record<SchemaDraft, typeof Ajv> = { 'draft-07': Ajv, '2019-09': Ajv2019, '2020-12': Ajv2020 };
const MAX_CACHED = 256;
const cache = new Map<string, CompiledSchema>();
let compilations = 0;

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext typing.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** The built-in profile, shorn of `$schema` so that every draft's ajv accepts it (it uses no draft-specific keyword). */
function builtinProfile(): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = HUGGINGFACE_CARD_SCHEMA as Record<string, unknown>;
  return rest;
}

export function compileRepoSchema(bundle: SchemaBundle): CompiledSchema {
  const key = createHash('sha256').update(JSON.stringify([bundle.draft, bundle.root, bundle.documents])).digest('hex');
  const cached = cache.get(key);
  if (cached) return cached;
  const compiled = compileNow(bundle);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

/** How many schemas were compiled so far in this process (the cache's effect, for tests and the bench). */
export function countSchemaCompilations(): number {
  return compilations;
}

function compileNow(bundle: SchemaBundle): CompiledSchema {
  compilations++;
  const ajv = new CLASSES[bundle.draft]({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, logger: false });
  addFormats(ajv);
  try {
    for (const [id, document] of Object.entries(bundle.documents)) {
      if (!ajv.validateSchema(document)) return { error: `it is not a valid ${bundle.draft} JSON Schema: ${describeMetaErrors(ajv, id, bundle)}` };
    }
    ajv.addSchema(builtinProfile());
    for (const [id, document] of Object.entries(bundle.documents)) if (id !== bundle.root) ajv.addSchema(document);
    return { validate: ajv.compile(bundle.documents[bundle.root]!) };
  } catch (error) {
    return { error: `it cannot be compiled: ${readable((error as Error).message)}` };
  }
}

function describeMetaErrors(ajv: Ajv, id: string, bundle: SchemaBundle): string {
  const where = id === bundle.root ? '' : ` (in ${decodeURIComponent(id.slice(id.lastIndexOf('/') + 1))})`;
  const first = (ajv.errors ?? [])[0];
  if (!first) return 'rejected by the meta-schema' + where;
  const allowed = (first.params as { allowedValues?: unknown[] }).allowedValues;
  const detail = allowed ? `${JSON.stringify(first.data)} is not one of ${allowed.map(String).join(', ')}` : first.message ?? 'is wrong';
  return `at ${first.instancePath || '/'}: ${detail}${where}`;
}

/** ajv names our rewritten ids; show the repository paths instead. */
function readable(message: string): string {
  return message.replace(/https:\/\/repository\.invalid\/([^\s#"']*)/g, (_m, path: string) => decodeURIComponent(path));
}
