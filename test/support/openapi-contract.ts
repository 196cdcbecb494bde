/**
 * Contract check of one REST exchange against GitHub's OpenAPI description, so a mock that GitHub
 * would never answer fails the test.
 *
 * API:
 *   checkRestCall(call: RestCall): string[]      problems; [] when GitHub could have answered so
 *     RestCall = { method, path, query?, requestBody?, status, responseBody? }
 *     - path is concrete ('/repos/o/r/check-runs/5', a '?query' suffix is allowed);
 *     - the route and method must exist; query keys must be declared parameters (required ones present);
 *     - requestBody must fit the operation's JSON request schema;
 *     - responseBody must fit the schema documented for that status (required properties present,
 *       enums, types, formats date-time/date/email). Statuses any endpoint can send (401, 403, 404,
 *       429, 5xx) are allowed when undocumented; their JSON body must then look like GitHub's
 *       basic-error ({ message, documentation_url? }).
 *   describeOperation(method, path): string     'POST /repos/{owner}/{repo}/check-runs (checks/create)'
 */
import {
  compileSchema, findOperation, resolveRef, type FoundOperation, type Json, type JsonObject,
} from './openapi-schema.js';

export interface RestCall {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  requestBody?: unknown;
  status: number;
  responseBody?: unknown;
}

/** Statuses GitHub may send from any endpoint (auth, rate limits, outages, hidden resources). */
const GENERIC_STATUSES = new Set([401, 403, 404, 429, 500, 502, 503, 504]);
const MAX_ERRORS = 8;
/** GitHub's basic-error requires nothing, but every real error answer carries a message. */
const GENERIC_ERROR: Json = { allOf: [{ $ref: '#/components/schemas/basic-error' }], required: ['message'] };

export function checkRestCall(call: RestCall): string[] {
  const found = findOperation(call.method, call.path);
  if (!found) return [`${call.method.toUpperCase()} ${call.path}: GitHub's REST API has no such route and method`];
  const label = labelOf(found);
  return [
    ...checkQuery(found, { ...queryFromPath(call.path), ...(call.query ?? {}) }),
    ...checkRequestBody(found, call.requestBody),
    ...checkResponse(found, call.status, call.responseBody),
  ].map((problem) => `${label}: ${problem}`);
}

export function describeOperation(method: string, path: string): string {
  const found = findOperation(method, path);
  return found ? labelOf(found) : `${method.toUpperCase()} ${path} (unknown route)`;
}

function labelOf(found: FoundOperation): string {
  return `${found.method.toUpperCase()} ${found.template} (${found.operation.operationId})`;
}

function queryFromPath(path: string): Record<string, string> {
  const search = path.split('?')[1];
  return search ? Object.fromEntries(new URLSearchParams(search)) : {};
}

function checkQuery(found: FoundOperation, query: Record<string, unknown>): string[] {
  const params = (found.operation.parameters ?? []).map((p) => resolveRef<JsonObject>(p)).filter((p) => p.in === 'query');
  const problems: string[] = [];
  for (const key of Object.keys(query)) {
    if (!params.some((p) => p.name === key)) problems.push(`query parameter "${key}" is not accepted (known: ${params.map((p) => p.name).join(', ') || 'none'})`);
  }
  for (const p of params) {
    if (p.required === true && !(String(p.name) in query)) problems.push(`required query parameter "${p.name}" is missing`);
  }
  return problems;
}

function jsonContent(content: unknown): JsonObject | null {
  if (!content || typeof content !== 'object') return null;
  const entry = Object.entries(content as Record<string, JsonObject>).find(([type]) => type.includes('json'));
  return entry ? entry[1] : null;
}

function checkRequestBody(found: FoundOperation, body: unknown): string[] {
  const requestBody = resolveRef<JsonObject | undefined>(found.operation.requestBody);
  const hasBody = body !== undefined && body !== null && body !== '';
  if (!requestBody) return hasBody ? ['sends a request body, but this operation takes none'] : [];
  const media = jsonContent(requestBody.content);
  if (!hasBody) return requestBody.required === true ? ['the request body is required but none was sent'] : [];
  if (!media?.schema) return [];
  const key = `${found.method} ${found.template} request`;
  return schemaErrors(key, media.schema, body, 'request body');
}

function checkResponse(found: FoundOperation, status: number, body: unknown): string[] {
  const documented = found.operation.responses[String(status)] ?? found.operation.responses.default;
  if (!documented) {
    if (!GENERIC_STATUSES.has(status)) {
      return [`status ${status} is not documented (documented: ${Object.keys(found.operation.responses).join(', ')})`];
    }
    return isJsonObject(body) ? schemaErrors('basic-error', GENERIC_ERROR, body, `${status} body`) : [];
  }
  const response = resolveRef<JsonObject>(documented);
  const media = jsonContent(response.content);
  const hasBody = body !== undefined && body !== null && body !== '';
  if (!media?.schema) return hasBody && (status === 204 || status === 304) ? [`a ${status} answer has no body, but the mock sends one`] : [];
  if (!hasBody) return [`a ${status} answer carries a JSON body, but the mock sends none`];
  return schemaErrors(`${found.method} ${found.template} ${status}`, media.schema, body, `${status} response`);
}

function isJsonObject(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function schemaErrors(key: string, schema: Json, value: unknown, what: string): string[] {
  const validate = compileSchema(key, schema);
  if (validate(value)) return [];
  const lines = (validate.errors ?? []).map((e) => {
    const where = e.instancePath || '/';
    const extra = e.keyword === 'enum' ? ` (${(e.params as { allowedValues?: unknown[] }).allowedValues?.join(', ')})` : '';
    return `${what} ${where} ${e.message ?? 'is invalid'}${extra}`;
  });
  const unique = [...new Set(lines)];
  return unique.length > MAX_ERRORS ? [...unique.slice(0, MAX_ERRORS), `${what}: ${unique.length - MAX_ERRORS} more problems`] : unique;
}
