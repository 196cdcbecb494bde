/**
 * Writes a check run plan: nothing when the existing run shows the same fingerprint; else one
 * create or update carrying the first 50 annotations, then one update per further 50 (GitHub
 * appends annotations on update).
 */
import type { CheckPlan, ExistingCheck, PublishResult } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { batchOutput, checkRunBody, chunkAnnotations } from './check-run-body.js';
import { toGitHubError } from './to-github-error.js';

type Repo = { owner: string; repo: string };

/**
 * Update the existing run only when that cannot leave stale annotations behind (GitHub appends,
 * never replaces): a run still queued or in progress, or one known to have none. Otherwise a new
 * run on the same SHA takes its place in the pull request.
 */
export function reusableCheckId(existing: ExistingCheck | null, annotationCount: number | undefined): number | null {
  if (!existing) return null;
  return existing.status !== 'completed' || annotationCount === 0 ? existing.id : null;
}

export async function publishCheck(
  client: GitHubClient, repo: Repo, plan: CheckPlan, existing: ExistingCheck | null, annotationCount?: number,
): Promise<PublishResult> {
  if (existing && existing.fingerprint === plan.fingerprint) return { checkId: existing.id, written: false, requests: 0 };
  const [first = [], ...rest] = chunkAnnotations(plan);
  const reuse = reusableCheckId(existing, annotationCount);
  const checkId = reuse === null
    ? await createRun(client, repo, plan, first)
    : (await updateRun(client, repo, reuse, checkRunBody(plan, first)), reuse);
  for (const batch of rest) {
    await updateRun(client, repo, checkId, { output: batchOutput(plan, batch) });
  }
  return { checkId, written: true, requests: 1 + rest.length };
}

async function createRun(client: GitHubClient, repo: Repo, plan: CheckPlan, annotations: Record<string, unknown>[]): Promise<number> {
  const route = 'POST /repos/{owner}/{repo}/check-runs';
  try {
    const { data } = await client.request(route, { ...repo, head_sha: plan.headSha, ...checkRunBody(plan, annotations) });
    return (data as { id: number }).id;
  } catch (error) {
    throw toGitHubError(error, `POST /repos/${repo.owner}/${repo.repo}/check-runs`);
  }
}

async function updateRun(client: GitHubClient, repo: Repo, id: number, body: Record<string, unknown>): Promise<void> {
  try {
    await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...repo, check_run_id: id, ...body });
  } catch (error) {
    throw toGitHubError(error, `PATCH /repos/${repo.owner}/${repo.repo}/check-runs/${id}`);
  }
}
