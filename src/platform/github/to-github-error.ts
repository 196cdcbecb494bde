/** Turns whatever Octokit threw (RequestError, GraphqlResponseError, a network failure) into a GitHubError. */
import { GitHubError } from './github-error.js';

interface OctokitLikeError {
  name?: string;
  message?: string;
  status?: number;
  headers?: Record<string, unknown>;
  response?: { headers?: Record<string, unknown>; data?: unknown };
  errors?: { type?: string; message?: string }[];
}

export function toGitHubError(error: unknown, operation: string): GitHubError {
  if (error instanceof GitHubError) return error;
  const e = (error ?? {}) as OctokitLikeError;
  const headers = e.response?.headers ?? e.headers ?? {};
  const requestId = header(headers, 'x-github-request-id');
  if (e.name === 'GraphqlResponseError') {
    const detail = (e.errors ?? []).map((x) => (x.type ? `${x.type}: ${x.message}` : x.message)).join('; ');
    const limited = (e.errors ?? []).some((x) => x.type === 'RATE_LIMITED');
    return new GitHubError({
      status: 200, operation, requestId, retryable: limited, detail,
      rateLimitReset: limited ? resetOf(headers) ?? new Date(Date.now() + 60_000) : null,
    }, { cause: error });
  }
  const status = typeof e.status === 'number' ? e.status : 0;
  const rateLimitReset = rateLimitResetOf(status, headers, messageOf(e));
  return new GitHubError({
    status, operation, requestId, rateLimitReset,
    retryable: status === 0 || status >= 500 || status === 429 || rateLimitReset !== null,
    detail: messageOf(e),
  }, { cause: error });
}

function header(headers: Record<string, unknown>, name: string): string | null {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return value === undefined || value === null ? null : String(value);
}

function messageOf(e: OctokitLikeError): string {
  const data = e.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? data.message : e.message ?? String(e);
}

function resetOf(headers: Record<string, unknown>): Date | null {
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null;
}

/** GitHub's order: retry-after first when it is sent; else remaining 0 means wait for the reset. */
function rateLimitResetOf(status: number, headers: Record<string, unknown>, message: string): Date | null {
  if (status !== 403 && status !== 429) return null;
  const retryAfter = Number(header(headers, 'retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return new Date(Date.now() + retryAfter * 1000);
  if (header(headers, 'x-ratelimit-remaining') === '0') return resetOf(headers) ?? new Date(Date.now() + 60_000);
  return /rate limit/i.test(message) ? new Date(Date.now() + 60_000) : null;
}
