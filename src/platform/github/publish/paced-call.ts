/**
 * A write of the publisher: through the pacer, failures as GitHubErrors naming the request. A POST is
 * never resent by Octokit's retry plugin after a 5xx: GitHub may have created the issue or pull
 * request before failing, and the next run finds it (by the ledger, the marker or the branch) instead.
 */
import type { GitHubClient, GitHubResponse } from '../github-client.js';
import { describeCall } from '../rest-call.js';
import type { WritePacer } from './write-pacer.js';

export function pacedCall(client: GitHubClient, pacer: WritePacer, route: string, params: Record<string, unknown>): Promise<GitHubResponse> {
  const once = route.startsWith('POST ') ? { ...params, request: { retries: 0 } } : params;
  return pacer.run(() => client.request(route, once), describeCall(route, params));
}
