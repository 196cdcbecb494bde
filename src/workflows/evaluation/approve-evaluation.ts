/**
 * Use-case: a maintainer approves the evaluation of a fork's pull request. Only the commit that is
 * the head now is approved: a run waiting on an older commit is cancelled and the head evaluated.
 */
import type { EvalDeps, RepoRef } from './eval-deps.js';
import { enqueueRunShards } from './enqueue-run-shards.js';
import { pumpQueue } from './pump-queue.js';
import { startEvaluation, type EvalStart } from './start-evaluation.js';

export async function approveEvaluation(deps: EvalDeps, repo: RepoRef, pr: number, by: string, suite: string | null): Promise<EvalStart> {
  const origin = await deps.platform.pullRequestOrigin(repo, pr);
  if (!origin.open) return { run: null, message: `pull request #${pr} is closed; nothing to evaluate` };
  const waiting = (await deps.store.listActiveRuns(repo.owner, repo.repo, pr))
    .filter((r) => r.status === 'awaiting-approval' && r.headSha === origin.headSha && (suite === null || r.suite === suite));
  if (!waiting.length) {
    return startEvaluation(deps, {
      repo, pr, headSha: origin.headSha, headBranch: origin.headRef, suite, trigger: 'approval', requestedBy: by,
      fromFork: origin.fromFork, approved: true, baseline: false,
    });
  }
  for (const run of waiting) {
    if (!(await deps.store.setRunStatus(run.id, ['awaiting-approval'], 'queued', deps.now()))) continue;
    await enqueueRunShards(deps, run, 1);
    deps.log.info(`Evaluation run ${run.id} approved by ${by}`);
  }
  await pumpQueue(deps, { publishFor: waiting[0]!.id });
  const run = (await deps.store.getRun(waiting[0]!.id)) ?? waiting[0]!;
  return { run, message: `approved by @${by}: ${waiting.map((r) => `suite "${r.suite}"`).join(', ')} queued on ${origin.headSha.slice(0, 7)}` };
}
