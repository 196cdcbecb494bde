/** Ends a run that cannot go on (GitHub refused its workflow): nothing more is dispatched, the check says why and how to fix it. */
import type { RunRecord } from '../../store/eval-types.js';
import type { EvalDeps } from './eval-deps.js';
import { publishEvalState } from './publish-eval.js';

export async function failRun(deps: EvalDeps, run: RunRecord, why: string): Promise<void> {
  const { workflowRunIds } = await deps.store.cancelRun(run.id, deps.now());
  await deps.store.setRunStatus(run.id, ['cancelled', 'queued', 'running', 'awaiting-approval'], 'failed', deps.now());
  deps.log.warn(`Evaluation run ${run.id} failed: ${why}`);
  const platform = run.installationId === deps.installationId ? deps.platform : await deps.platformFor(run.installationId);
  for (const id of workflowRunIds) await platform.cancelWorkflowRun(run, id).catch(() => undefined);
  const fresh = (await deps.store.getRun(run.id)) ?? run;
  await publishEvalState(deps, fresh, { note: why });
}
