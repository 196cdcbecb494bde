/**
 * Our latest check run of a name on a commit, per GET /repos/{owner}/{repo}/commits/{ref}/check-runs,
 * so a write updates it instead of adding a second one. Limited to our App when its id is known:
 * another app may use the same name.
 */
import type { ExistingCheck, RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

interface CheckRunsAnswer {
  check_runs: { id: number; status: ExistingCheck['status'] }[];
}

export async function findCheckRun(
  client: GitHubClient, repo: RepoName, sha: string, check: { name: string; appId: number | null },
): Promise<ExistingCheck | null> {
  let data: unknown;
  try {
    ({ data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repo, ref: sha, check_name: check.name, filter: 'latest', per_page: 1, ...(check.appId ? { app_id: check.appId } : {}),
    }));
  } catch (error) {
    throw toGitHubError(error, `GET /repos/${repo.owner}/${repo.repo}/commits/${sha}/check-runs`);
  }
  const run = (data as CheckRunsAnswer).check_runs[0];
  // Fingerprint left unknown, so the caller's next write is never skipped as unchanged.
  return run ? { id: Number(run.id), status: run.status, fingerprint: null } : null;
}
