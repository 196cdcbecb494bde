/**
 * Valid GitHub REST responses for mocks, taken from the examples in GitHub's own OpenAPI
 * description, so a mocked response has every required property. Each call returns a fresh deep
 * clone; `overrides` are deep-merged (objects merge, arrays and scalars replace).
 *
 * API:
 *   restExample(method, template, { status?, name? }?)   documented example of an operation,
 *       e.g. restExample('POST', '/repos/{owner}/{repo}/check-runs') (status defaults to the first 2xx)
 *   checkRunResponse(overrides?)      check-run object (POST 201 / PATCH 200 of check-runs)
 *   issueCommentResponse(overrides?)  issue-comment object (POST .../issues/{n}/comments 201)
 *   pullRequestResponse(overrides?)   pull-request object (GET .../pulls/{n} 200)
 *   basicError(message, status?)      { message, documentation_url, status } as GitHub sends errors
 *   rateLimitHeaders({ remaining?, resetAt?, limit? })  x-ratelimit-* headers (resetAt: epoch seconds)
 *   withOverrides(base, overrides)    the deep merge used above
 */
import { findOperationByTemplate, resolveRef, type JsonObject } from './openapi-schema.js';

export type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

export function withOverrides<T>(base: T, overrides?: DeepPartial<T> | Plain): T {
  if (!overrides) return base;
  if (!isPlain(base) || !isPlain(overrides)) return overrides as T;
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    out[key] = isPlain(value) && isPlain(out[key]) ? withOverrides(out[key], value) : value;
  }
  return out as T;
}

export function restExample(method: string, template: string, options: { status?: number; name?: string } = {}): Plain {
  const found = findOperationByTemplate(method, template);
  if (!found) throw new Error(`restExample: GitHub has no ${method.toUpperCase()} ${template}`);
  const statuses = Object.keys(found.operation.responses);
  const status = options.status !== undefined ? String(options.status) : statuses.find((s) => s.startsWith('2'));
  const response = status ? resolveRef<JsonObject | undefined>(found.operation.responses[status]) : undefined;
  const media = response?.content ? (response.content as Record<string, JsonObject>)['application/json'] : undefined;
  const examples = (media?.examples ?? {}) as Record<string, JsonObject>;
  const names = Object.keys(examples);
  const chosen = options.name ?? (names.includes('default') ? 'default' : names[0]);
  const value = chosen && examples[chosen] ? resolveRef<JsonObject>(examples[chosen]).value : media?.example;
  if (value === undefined) {
    throw new Error(`restExample: ${method.toUpperCase()} ${template} has no example for status ${status} (examples: ${names.join(', ') || 'none'})`);
  }
  return structuredClone(value) as Plain;
}

export function checkRunResponse(overrides?: Plain): Plain {
  return withOverrides(restExample('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}'), overrides);
}

export function issueCommentResponse(overrides?: Plain): Plain {
  return withOverrides(restExample('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments'), overrides);
}

export function pullRequestResponse(overrides?: Plain): Plain {
  // GitHub's example lists a requested team without the now-required `type`; no teams keeps it valid.
  const base = withOverrides(restExample('GET', '/repos/{owner}/{repo}/pulls/{pull_number}'), { requested_teams: [] });
  return withOverrides(base, overrides);
}

export function basicError(message: string, status?: number): Plain {
  return {
    message,
    documentation_url: 'https://docs.github.com/rest',
    ...(status !== undefined ? { status: String(status) } : {}),
  };
}

export function rateLimitHeaders(options: { remaining?: number; resetAt?: number; limit?: number } = {}): Record<string, string> {
  const resetAt = options.resetAt ?? 1_700_000_000;
  return {
    'x-ratelimit-limit': String(options.limit ?? 5000),
    'x-ratelimit-remaining': String(options.remaining ?? 0),
    'x-ratelimit-used': String((options.limit ?? 5000) - (options.remaining ?? 0)),
    'x-ratelimit-reset': String(resetAt),
    'x-ratelimit-resource': 'core',
  };
}
