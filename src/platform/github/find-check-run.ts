/**
 * Our latest check run of a name on a commit, per GET /repos/{owner}/{repo}/commits/{ref}/check-runs,
 * so a write updates it instead of adding a second one. Limited to our App when its id is known:
 * another app may use the same name.
 */
import type { ExistingCheck, RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { readCheckMarker } from './read-check-marker.js';
import { toGitHubError } from './to-github-error.js';

interface CheckRunsAnswer {
  check_runs: { id: number; status: ExistingCheck['status']; output?: { summary?: string | null; annotations_count?: number } }[];
}

export interface FoundCheckRun {
  check: ExistingCheck;
  annotationCount: number;
}

export async function findCheckRun(
  client: GitHubClient, repo: RepoName, sha: string, check: { name: string; appId: number | null },
): Promise<FoundCheckRun | null> {
  let data: unknown;
  try {
    ({ data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repo, ref: sha, check_name: check.name, filter: 'latest', per_page: 1, ...(check.appId ? { app_id: check.appId } : {}),
    }));
  } catch (error) {
    throw toGitHubError(error, `GET /repos/${repo.owner}/${repo.repo}/commits/${sha}/check-runs`);
  }
  const run = (data as CheckRunsAnswer).check_runs[0];
  if (!run) return null;
  return {
    check: { id: Number(run.id), status: run.status, ...readCheckMarker(run.output?.summary) },
    annotationCount: run.output?.annotations_count ?? 0,
  };
}
