/**
 * What a login may do in a repository, per GET /repos/{owner}/{repo}/collaborators/{username}/permission.
 * GitHub answers 404 for someone who is no collaborator (or no user at all): level 'none'.
 */
import type { PermissionLevel, RepoName, RepoPermission } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

/** Lowest first, so the higher of two answers wins. */
const RANKS: readonly PermissionLevel[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];

interface PermissionAnswer {
  permission?: unknown;
  role_name?: unknown;
}

export async function readPermission(client: GitHubClient, repo: RepoName, login: string): Promise<RepoPermission> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...repo, username: login });
    return toPermission(data as PermissionAnswer);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { level: 'none', role: 'none' };
    throw toGitHubError(error, `GET /repos/${repo.owner}/${repo.repo}/collaborators/${login}/permission`);
  }
}

/**
 * `permission` is the legacy base (maintain shows as write, triage as read); `role_name` is the
 * role itself, or a custom role's name. The higher standard one of the two is the level.
 */
export function toPermission(data: PermissionAnswer): RepoPermission {
  const permission = typeof data.permission === 'string' ? data.permission : '';
  const roleName = typeof data.role_name === 'string' ? data.role_name : '';
  const rank = Math.max(RANKS.indexOf(roleName as PermissionLevel), RANKS.indexOf(permission as PermissionLevel), 0);
  return { level: RANKS[rank]!, role: roleName || permission || 'none' };
}
