/** One REST call whose failure surfaces as a GitHubError naming the concrete request. */
import type { GitHubClient, GitHubResponse } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

export async function restCall(client: GitHubClient, route: string, params: Record<string, unknown>): Promise<GitHubResponse> {
  try {
    return await client.request(route, params);
  } catch (error) {
    throw toGitHubError(error, describeCall(route, params));
  }
}

/** "GET /repos/{owner}/{repo}/actions/runs/{run_id}" with its values filled in, as the error names it. */
export function describeCall(route: string, params: Record<string, unknown>): string {
  return route.replace(/\{(\w+)\}/g, (whole, key: string) => (params[key] === undefined ? whole : String(params[key])));
}

export function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}
