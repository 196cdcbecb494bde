/**
 * A GitHub that accepts the connection and never answers must not hold a worker (and its lease)
 * for undici's five-minute default: every request to GitHub gets a deadline, after which it fails
 * like any network error and the delivery is retried with backoff.
 */

/** Long enough for GitHub's slowest answers (large GraphQL pages), short against a lease. */
export const GITHUB_REQUEST_TIMEOUT_MS = 30_000;

export function createTimedFetch(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return base(input, { ...init, signal });
  };
}
