/**
 * GitHub's REST description (@octokit/openapi, `generated/api.github.com.json`), loaded once per
 * process, and its OpenAPI 3.0 schemas turned into JSON Schema that ajv compiles.
 *
 * API (used by openapi-contract.ts and github-fixtures.ts; other helpers rarely need it directly):
 *   loadOpenApi(): OpenApiDocument                       lazy singleton (13 MB, ~0.2 s, read once)
 *   findOperation(method, path): FoundOperation | null   '/repos/o/r/check-runs/5' -> its template
 *   findOperationByTemplate(method, template)            '/repos/{owner}/{repo}/check-runs'
 *   compileSchema(key, openApiSchema): ValidateFunction  converted, compiled once per key
 *   resolveRef<T>(node): T                               follows a local `$ref` (responses, examples, parameters)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface OpenApiOperation {
  operationId: string;
  parameters?: JsonObject[];
  requestBody?: JsonObject;
  responses: Record<string, JsonObject>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Json>; examples: Record<string, JsonObject>; [k: string]: Record<string, Json> };
}

export interface FoundOperation {
  method: string;
  template: string;
  operation: OpenApiOperation;
}

/** The $id under which the converted `components` live, so `$ref`s resolve inside ajv. */
const DOC_ID = 'https://api.github.com/openapi.json';
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

let documentCache: OpenApiDocument | null = null;
let routeCache: { method: string; template: string; regex: RegExp; literals: number }[] | null = null;
let ajvCache: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();

export function loadOpenApi(): OpenApiDocument {
  if (!documentCache) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    documentCache = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  }
  return documentCache;
}

function routes() {
  if (!routeCache) {
    routeCache = [];
    for (const [template, item] of Object.entries(loadOpenApi().paths)) {
      const segments = template.split('/');
      const pattern = segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : escapeRegex(s))).join('/');
      const literals = segments.filter((s) => s && !s.startsWith('{')).length;
      for (const method of Object.keys(item).filter((m) => HTTP_METHODS.has(m))) {
        routeCache.push({ method, template, regex: new RegExp(`^${pattern}$`), literals });
      }
    }
  }
  return routeCache;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The operation that GitHub serves for a concrete path; the most literal template wins. */
export function findOperation(method: string, path: string): FoundOperation | null {
  const m = method.toLowerCase();
  const bare = path.split('?')[0]!.replace(/\/+$/, '') || '/';
  const hits = routes().filter((r) => r.method === m && r.regex.test(bare));
  hits.sort((a, b) => b.literals - a.literals);
  const best = hits[0];
  return best ? findOperationByTemplate(m, best.template) : null;
}

export function findOperationByTemplate(method: string, template: string): FoundOperation | null {
  const operation = loadOpenApi().paths[template]?.[method.toLowerCase()];
  return operation ? { method: method.toLowerCase(), template, operation } : null;
}

/** Follows a local `$ref` ("#/components/responses/not_found") until a non-ref node. */
export function resolveRef<T>(node: unknown): T {
  let current = node as { $ref?: string } | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    current = parts.reduce<unknown>((acc, key) => (acc as Record<string, unknown>)?.[key], loadOpenApi()) as typeof current;
  }
  return current as T;
}

function ajv(): Ajv {
  if (!ajvCache) {
    ajvCache = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (
      a: Ajv, formats: string[]) => Ajv;
    addFormats(ajvCache, CHECKED_FORMATS);
    ajvCache.addSchema({ $id: DOC_ID, components: { schemas: convertMap(loadOpenApi().components.schemas) } });
  }
  return ajvCache;
}

/** Compiles (once per key) an OpenAPI 3.0 schema as JSON Schema. */
export function compileSchema(key: string, schema: Json): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv().compile(convertSchema(schema) as object);
    validators.set(key, validate);
  }
  return validate;
}

// Only formats GitHub's own examples satisfy; others (uri, uri-template, ...) are not checked.
const CHECKED_FORMATS = ['date-time', 'date', 'email'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_SINGLE = ['not', 'additionalProperties', 'items'];
const DROPPED = new Set(['example', 'examples', 'discriminator', 'deprecated', 'externalDocs', 'xml', 'readOnly', 'writeOnly', 'nullable']);

function convertMap(map: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, convertSchema(v)]));
}

/**
 * OpenAPI 3.0 -> JSON Schema. `nullable` becomes a 'null' type; `oneOf` becomes `anyOf`, because
 * GitHub's description uses oneOf for alternatives that overlap (objects without
 * additionalProperties:false), which a strict oneOf would reject for real GitHub answers.
 * Property maps are walked by name, so a property called "example" or "nullable" survives.
 */
export function convertSchema(schema: Json): Json {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref.startsWith('#') ? DOC_ID + schema.$ref : schema.$ref };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === 'format' && !CHECKED_FORMATS.includes(String(value))) continue;
    if (key === 'properties' || key === 'patternProperties') out[key] = convertMap(value as Record<string, Json>);
    else if (SUBSCHEMA_LISTS.includes(key)) out[key === 'oneOf' ? 'anyOf' : key] = (value as Json[]).map(convertSchema);
    else if (SUBSCHEMA_SINGLE.includes(key)) out[key] = Array.isArray(value) ? value.map(convertSchema) : convertSchema(value);
    else out[key] = value;
  }
  return schema.nullable === true ? makeNullable(out) : out;
}

function makeNullable(schema: JsonObject): JsonObject {
  if (typeof schema.type === 'string') {
    const nullable: JsonObject = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) nullable.enum = [...schema.enum, null];
    return nullable;
  }
  return { anyOf: [{ type: 'null' }, schema] };
}
