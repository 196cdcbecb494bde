/**
 * Reads a GitHub answer for "slow down": which limit it was and how long to wait, from the raw
 * Octokit error (its headers), so the pacer can wait on its own clock instead of the wall clock.
 */
import { GitHubError } from '../github-error.js';

export type RateLimitKind = 'primary' | 'secondary';

export interface RateLimitHit {
  kind: RateLimitKind;
  /** Milliseconds GitHub asked for; null when it did not say (then: 60 s, doubling). */
  waitMs: number | null;
  detail: string;
}

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  headers?: Record<string, unknown>;
  response?: { headers?: Record<string, unknown>; data?: unknown };
  cause?: unknown;
}

/** Null when the error is not a rate-limit answer (a plain 403 is a permission problem: not retried). */
export function readRateLimit(error: unknown, now: number): RateLimitHit | null {
  const raw = (error instanceof GitHubError ? error.cause : error) as ErrorLike | null | undefined;
  const status = typeof raw?.status === 'number' ? raw.status : (error as ErrorLike | null)?.status;
  if (status !== 403 && status !== 429) return null;
  const headers = raw?.response?.headers ?? raw?.headers ?? {};
  const detail = messageOf(raw);
  const retryAfter = Number(headerOf(headers, 'retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && headerOf(headers, 'retry-after') !== null) {
    return { kind: 'secondary', waitMs: retryAfter * 1000, detail };
  }
  const reset = Number(headerOf(headers, 'x-ratelimit-reset'));
  if (headerOf(headers, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
    return { kind: 'primary', waitMs: Math.max(0, reset * 1000 - now), detail };
  }
  if (/secondary rate limit/i.test(detail) || status === 429) return { kind: 'secondary', waitMs: null, detail };
  return null;
}

function headerOf(headers: Record<string, unknown>, name: string): string | null {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return value === undefined || value === null ? null : String(value);
}

function messageOf(raw: ErrorLike | null | undefined): string {
  const data = raw?.response?.data as { message?: unknown } | undefined;
  if (typeof data?.message === 'string') return data.message;
  return typeof raw?.message === 'string' ? raw.message : '';
}
