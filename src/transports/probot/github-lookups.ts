/**
 * GitHub reads that only the App needs and the port does not cover: who may command Steward,
 * which pull requests a commit belongs to, the check run to mark failed.
 */
import type { ExistingCheck } from '../../platform/port.js';
import type { RepoName } from './payload.js';
import type { GitHubClient } from './types.js';

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

export interface Access {
  allowed: boolean;
  /** GitHub's role name, e.g. "read" or "triage"; "none" when the user is no collaborator. */
  role: string;
}

/** Write access or more, per GET /repos/{owner}/{repo}/collaborators/{username}/permission. */
export async function findAccess(github: GitHubClient, repo: RepoName, username: string): Promise<Access> {
  try {
    const { data } = await github.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...repo, username });
    const role = data.role_name || data.permission;
    return { allowed: WRITE_ROLES.has(role) || WRITE_ROLES.has(data.permission), role };
  } catch (error) {
    // 404: not a collaborator (or no such user); anything else is a real failure to retry.
    if ((error as { status?: number }).status === 404) return { allowed: false, role: 'none' };
    throw error;
  }
}

/** Open pull requests of this repository whose head is `sha` (forks too, where check suites list none). */
export async function findPullRequestsOfCommit(github: GitHubClient, repo: RepoName, sha: string): Promise<number[]> {
  const { data } = await github.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...repo, commit_sha: sha, per_page: 100 });
  return data.filter((pr) => pr.state === 'open' && pr.head.sha === sha).map((pr) => pr.number);
}

export async function findHeadSha(github: GitHubClient, repo: RepoName, number: number): Promise<string> {
  const { data } = await github.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number });
  return data.head.sha;
}

/** Our latest check run of that name on the commit, so a failure report updates it instead of adding one. */
export async function findCheckRun(
  github: GitHubClient,
  repo: RepoName,
  sha: string,
  check: { name: string; appId: number | null },
): Promise<ExistingCheck | null> {
  const { data } = await github.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    ...repo, ref: sha, check_name: check.name, filter: 'latest', per_page: 1, ...(check.appId ? { app_id: check.appId } : {}),
  });
  const run = data.check_runs[0];
  return run ? { id: Number(run.id), status: run.status, fingerprint: null } : null;
}
