import { describe, expect, it } from '@jest/globals';
import { RequestError } from '@octokit/request-error';
import { GitHubError } from '../../../src/platform/github/create-github-adapter.js';
import { describeError, isRetryable, retryTime } from '../../../src/transports/probot/retry-policy.js';

function githubError(status: number, message: string, headers: Record<string, string> = {}) {
  return new RequestError(message, status, {
    request: { method: 'POST', url: 'https://api.github.com/repos/o/r/check-runs', headers: {} },
    response: { status, url: 'https://api.github.com/repos/o/r/check-runs', headers, data: { message } },
  });
}

describe('retry policy', () => {
  it.each([
    [502, {}, true],
    [503, {}, true],
    [429, {}, true],
    [403, { 'x-ratelimit-remaining': '0' }, true],
    [403, {}, false],
    [404, {}, false],
    [422, {}, false],
  ])('GitHub %i %j: retry %s', (status, headers, expected) => {
    expect(isRetryable(githubError(status, 'nope', headers))).toBe(expected);
  });

  it('retries a lost connection but not a programming error', () => {
    expect(isRetryable(new Error('socket hang up'))).toBe(true);
    expect(isRetryable(new TypeError("Cannot read properties of undefined (reading 'sha')"))).toBe(false);
  });

  it('follows the adapter\'s verdict and waits for the rate limit to reset', () => {
    const now = new Date('2025-03-01T12:00:00Z');
    const limited = new GitHubError({
      status: 403, operation: 'GraphQL StewardPullRequest', requestId: null, retryable: true, detail: 'API rate limit exceeded',
      rateLimitReset: new Date('2025-03-01T12:20:00Z'),
    });
    expect(isRetryable(limited)).toBe(true);
    expect(retryTime(limited, now, 30_000)).toEqual(new Date('2025-03-01T12:20:01Z'));
    expect(describeError(limited)).toBe("GitHub's rate limit was used up for GraphQL StewardPullRequest (it resets at 2025-03-01T12:20:00.000Z)");
    const gone = new GitHubError({ status: 404, operation: 'GraphQL StewardPullRequest', requestId: null, retryable: false, detail: 'not found', rateLimitReset: null });
    expect(isRetryable(gone)).toBe(false);
    expect(retryTime(gone, now, 30_000)).toEqual(new Date('2025-03-01T12:00:30Z'));
    expect(describeError(gone)).toBe('GitHub answered 404 (Not Found) to GraphQL StewardPullRequest: not found');
  });

  it('says what GitHub answered and to which request', () => {
    expect(describeError(githubError(502, 'Server Error'))).toBe('GitHub answered 502 (Bad Gateway) to POST /repos/o/r/check-runs: Server Error');
    expect(describeError(new Error('socket hang up\n    at x'))).toBe('Error: socket hang up');
  });
});
