/**
 * Organisation membership for skip-verified-members: 204 is a member, 404 is not. When the App may
 * not see private members GitHub answers 302 to the public-members URL, which fetch follows: a
 * public member is then a member, anyone else is not.
 */
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

export async function isOrgMember(client: GitHubClient, org: string, login: string): Promise<boolean> {
  try {
    const { status } = await client.request('GET /orgs/{org}/members/{username}', { org, username: login });
    return status === 204;
  } catch (error) {
    const status = (error as { status?: number }).status;
    // 404: not a member (or hidden from the App); a 302 that was not followed tells nothing more.
    if (status === 404 || status === 302) return false;
    throw toGitHubError(error, `GET /orgs/${org}/members/${login}`);
  }
}
