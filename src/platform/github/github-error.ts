/**
 * What went wrong talking to GitHub, in words for the person reading a log or a check run.
 * Transports catch it: `retryable` says whether trying later can help.
 */
export interface GitHubErrorDetails {
  /** HTTP status; 200 for a GraphQL answer that carried errors, 0 when no answer came. */
  status: number;
  /** "POST /repos/o/r/check-runs" or "GraphQL StewardPullRequest". */
  operation: string;
  requestId: string | null;
  /** When GitHub's rate limit resets, if it was the rate limit. */
  rateLimitReset: Date | null;
  retryable: boolean;
  /** GitHub's own message. */
  detail: string;
}

export class GitHubError extends Error implements GitHubErrorDetails {
  readonly status: number;
  readonly operation: string;
  readonly requestId: string | null;
  readonly rateLimitReset: Date | null;
  readonly retryable: boolean;
  readonly detail: string;

  constructor(details: GitHubErrorDetails, options?: { cause?: unknown }) {
    super(describe(details), options);
    this.name = 'GitHubError';
    this.status = details.status;
    this.operation = details.operation;
    this.requestId = details.requestId;
    this.rateLimitReset = details.rateLimitReset;
    this.retryable = details.retryable;
    this.detail = details.detail;
  }
}

function describe(d: GitHubErrorDetails): string {
  const id = d.requestId ? ` (request id ${d.requestId})` : '';
  if (d.rateLimitReset) {
    return `GitHub's rate limit is used up for ${d.operation}${id}; it resets at ${d.rateLimitReset.toISOString()} and Steward will retry after that.`;
  }
  if (d.status === 0) return `GitHub could not be reached for ${d.operation}: ${d.detail}; Steward will retry.`;
  const said = d.detail ? `: ${d.detail}` : '';
  if (d.retryable) return `GitHub answered ${d.status} for ${d.operation}${id}${said}; Steward will retry.`;
  if (d.status === 401 || d.status === 403) {
    return `GitHub refused ${d.operation} with ${d.status}${id}${said}. Check that the Steward App is installed on this repository with the permissions in app.yml.`;
  }
  return `GitHub answered ${d.status} for ${d.operation}${id}${said}.`;
}
