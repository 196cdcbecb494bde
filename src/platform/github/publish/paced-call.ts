/** A write of the publisher: through the pacer, failures as GitHubErrors naming the request. */
import type { GitHubClient, GitHubResponse } from '../github-client.js';
import { describeCall } from '../rest-call.js';
import type { WritePacer } from './write-pacer.js';

export function pacedCall(client: GitHubClient, pacer: WritePacer, route: string, params: Record<string, unknown>): Promise<GitHubResponse> {
  return pacer.run(() => client.request(route, params), describeCall(route, params));
}
