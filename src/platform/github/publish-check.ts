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
 * How to write over an existing run without leaving stale annotations (GitHub appends them on
 * update, never replaces): a run still queued or in progress, or one with none, takes the new
 * annotations; a completed run that already shows the same annotations is updated without them;
 * otherwise a new run on the same SHA takes its place in the pull request.
 */
export function chooseWrite(
  existing: ExistingCheck | null, plan: CheckPlan, annotationCount: number | undefined,
): { checkId: number | null; sendAnnotations: boolean } {
  if (!existing) return { checkId: null, sendAnnotations: true };
  if (existing.status !== 'completed' || annotationCount === 0) return { checkId: existing.id, sendAnnotations: true };
  if (existing.annotationsFingerprint === plan.annotationsFingerprint) return { checkId: existing.id, sendAnnotations: false };
  return { checkId: null, sendAnnotations: true };
}

export async function publishCheck(
  client: GitHubClient, repo: Repo, plan: CheckPlan, existing: ExistingCheck | null, annotationCount?: number,
): Promise<PublishResult> {
  if (existing && existing.fingerprint === plan.fingerprint) return { checkId: existing.id, written: false, requests: 0 };
  const write = chooseWrite(existing, plan, annotationCount);
  const [first = [], ...rest] = write.sendAnnotations ? chunkAnnotations(plan) : [];
  const checkId = write.checkId === null
    ? await createRun(client, repo, plan, first)
    : (await updateRun(client, repo, write.checkId, checkRunBody(plan, first)), write.checkId);
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
