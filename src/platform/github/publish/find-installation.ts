/**
 * The App's installation on a repository (a fork), or null when the App is not installed there:
 * Steward can open pull requests into a fork only through an installation on it.
 */
import type { GitHubClient } from '../github-client.js';
import { restCall, statusOf } from '../rest-call.js';
import type { RepoRef } from '../../reconcile-port.js';

/** `appClient` authenticates as the App itself (JWT), not as an installation. */
export async function findInstallation(appClient: GitHubClient, repo: RepoRef): Promise<number | null> {
  try {
    const { data } = await restCall(appClient, 'GET /repos/{owner}/{repo}/installation', { owner: repo.owner, repo: repo.repo });
    return (data as { id: number }).id;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
