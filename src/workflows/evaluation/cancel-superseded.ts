/**
 * Use-case: a pull request moved on (a new push) or closed. Its runs on older commits stop: queued
 * shards leave the queue, their workflow runs are cancelled, their checks say why.
 */
import type { EvalDeps, RepoRef } from './eval-deps.js';
import { publishEvalState } from './publish-eval.js';

export async function cancelSuperseded(deps: EvalDeps, repo: RepoRef, pr: number, headSha: string | null, why: string): Promise<number> {
  const runs = (await deps.store.listActiveRuns(repo.owner, repo.repo, pr)).filter((r) => r.headSha !== headSha);
  for (const run of runs) {
    const { workflowRunIds } = await deps.store.cancelRun(run.id, deps.now());
    for (const id of workflowRunIds) {
      await deps.platform.cancelWorkflowRun(repo, id).catch((error: unknown) => {
        deps.log.warn(`Could not cancel workflow run ${id} of run ${run.id}: ${(error as Error).message}`);
      });
    }
    deps.log.info(`Evaluation run ${run.id} cancelled: ${why}`);
    const fresh = (await deps.store.getRun(run.id)) ?? run;
    await publishEvalState(deps, fresh, { note: why });
  }
  return runs.length;
}
