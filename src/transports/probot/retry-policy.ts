/** When failed work is tried again, and how a failure is told to people. */
import { STATUS_CODES } from 'node:http';

/** Waits before the 2nd, 3rd and 4th attempt; then the delivery fails for good. */
export const DEFAULT_BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000];

/** The fields of the adapter's GitHubError, or of an Octokit RequestError, that matter here. */
interface FailureFields {
  status?: unknown;
  message?: unknown;
  retryable?: unknown;
  rateLimitReset?: unknown;
  operation?: unknown;
  detail?: unknown;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined> };
}

const fieldsOf = (error: unknown) => (error ?? {}) as FailureFields;

/**
 * GitHub outages (5xx), rate limits and network errors pass; a 4xx will answer the same again and a
 * programming error will throw again, so those fail at once. The adapter's GitHubError decides itself.
 */
export function isRetryable(error: unknown): boolean {
  const e = fieldsOf(error);
  if (typeof e.retryable === 'boolean') return e.retryable;
  if (typeof e.status === 'number') {
    if (e.status >= 500 || e.status === 429) return true;
    return e.status === 403 && (e.response?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(String(e.message ?? '')));
  }
  return !(error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError || error instanceof ReferenceError);
}

/** When to try again: after the backoff, and not before GitHub's rate limit resets. */
export function retryTime(error: unknown, now: Date, backoffMs: number): Date {
  const reset = fieldsOf(error).rateLimitReset;
  const after = now.getTime() + backoffMs;
  return reset instanceof Date && reset.getTime() > after ? new Date(reset.getTime() + 1000) : new Date(after);
}

/** One line for the log and the check run: "GitHub answered 502 (Bad Gateway) to POST /repos/o/r/check-runs: …". */
export function describeError(error: unknown): string {
  const e = fieldsOf(error);
  if (typeof e.status === 'number') {
    const where = typeof e.operation === 'string' ? e.operation : e.request?.method && e.request.url ? `${e.request.method} ${new URL(e.request.url).pathname}` : null;
    const said = firstLine(typeof e.detail === 'string' ? e.detail : e.message);
    if (e.status === 0) return `GitHub could not be reached${where ? ` for ${where}` : ''}: ${said}`;
    if (e.rateLimitReset instanceof Date) return `GitHub's rate limit was used up${where ? ` for ${where}` : ''} (it resets at ${e.rateLimitReset.toISOString()})`;
    const name = STATUS_CODES[e.status] ? ` (${STATUS_CODES[e.status]})` : '';
    return `GitHub answered ${e.status}${name}${where ? ` to ${where}` : ''}${said ? `: ${said}` : ''}`;
  }
  return error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : firstLine(error);
}

function firstLine(value: unknown): string {
  return String(value ?? '').split('\n')[0]!.slice(0, 300);
}
