/** workflow_run.completed: collect a finished evaluation dispatch; workflow_job.completed: a runner freed up, dispatch what waits. */
import { collectWorkflowRun } from '../../../workflows/evaluation/collect-workflow-run.js';
import { pumpQueue } from '../../../workflows/evaluation/pump-queue.js';
import { evalDepsOf } from '../eval-deps-of.js';
import { installationOf, integer, repoOf, text } from '../payload.js';
import type { DeliveryHandler } from '../types.js';

export const handleWorkflowRun: DeliveryHandler = async (payload, ctx) => {
  const repo = repoOf(payload);
  const id = integer(payload, 'workflow_run', 'id');
  const installationId = installationOf(payload);
  if (!repo || id === null || installationId === null) {
    ctx.log.warn('Skipped: workflow_run payload without repository, run id or installation');
    return;
  }
  const started = Date.parse(text(payload, 'workflow_run', 'run_started_at') ?? '');
  const updated = Date.parse(text(payload, 'workflow_run', 'updated_at') ?? '');
  const outcome = await collectWorkflowRun(evalDepsOf(ctx, installationId), repo, {
    id,
    displayTitle: text(payload, 'workflow_run', 'display_title') ?? '',
    conclusion: text(payload, 'workflow_run', 'conclusion'),
    minutes: Number.isFinite(started) && Number.isFinite(updated) ? Math.max(0, (updated - started) / 60_000) : 0,
    path: text(payload, 'workflow_run', 'path'),
  });
  ctx.log.info(`workflow run ${id}: ${outcome}`);
};

export const handleWorkflowJob: DeliveryHandler = async (payload, ctx) => {
  const installationId = installationOf(payload);
  if (installationId === null) return;
  const { dispatched } = await pumpQueue(evalDepsOf(ctx, installationId));
  if (dispatched) ctx.log.info(`A runner finished a job: ${dispatched} waiting shard(s) dispatched`);
};
