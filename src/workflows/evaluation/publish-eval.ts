/**
 * Shows a run where people look: the `Steward / evaluation` check on its commit (updated as the run
 * moves) and, once completed, one comment on the pull request, edited in place on later runs.
 */
import { compareRuns } from '../../engines/eval/compare-runs.js';
import type { Comparison } from '../../engines/eval/result-types.js';
import { EVAL_CHECK_NAME, planEvalCheck, renderEvalComment, type EvalReportInput } from '../../report/eval-report.js';
import type { RunRecord } from '../../store/eval-types.js';
import type { EvalDeps, RepoRef } from './eval-deps.js';

export interface PublishExtra {
  waiting?: string[];
  note?: string | null;
  comparison?: Comparison | null;
}

export async function publishEvalState(deps: EvalDeps, run: RunRecord, extra: PublishExtra = {}): Promise<void> {
  const platform = run.installationId === deps.installationId ? deps.platform : await deps.platformFor(run.installationId);
  const input = await reportInput(deps, run, extra);
  const plan = planEvalCheck(input);
  const existing = await platform.findCheck(run, run.headSha, EVAL_CHECK_NAME);
  const published = await platform.publishCheck(run, plan, existing);
  if (published.checkId !== null && published.checkId !== run.checkRunId) await deps.store.setRunReport(run.id, { checkRunId: published.checkId });
  if (run.status !== 'completed' || run.pr === null) return;
  const previous = run.commentId ?? (await deps.store.latestCommentId(run.owner, run.repo, run.pr));
  const commentId = await platform.upsertComment(run, run.pr, renderEvalComment(input), previous);
  if (commentId !== run.commentId) await deps.store.setRunReport(run.id, { commentId });
}

/** A check that says why no run started (bad config, unknown suite, forks off). */
export async function publishEvalProblem(deps: EvalDeps, repo: RepoRef, headSha: string, why: string): Promise<void> {
  const plan = planEvalCheck({
    runId: '', suite: '', headSha, state: 'failed', shards: { total: 0, done: 0, failed: 0, waiting: [] },
    result: null, comparison: null, note: why,
  });
  const existing = await deps.platform.findCheck(repo, headSha, EVAL_CHECK_NAME);
  await deps.platform.publishCheck(repo, plan, existing);
}

async function reportInput(deps: EvalDeps, run: RunRecord, extra: PublishExtra): Promise<EvalReportInput> {
  const shards = await deps.store.listShards(run.id);
  let comparison = extra.comparison ?? null;
  if (!comparison && run.status === 'completed' && run.result) {
    const base = await deps.store.findBaseline(run.owner, run.repo, run.suite);
    const baseline = base && base.id !== run.id ? base : null;
    comparison = compareRuns(run.result, baseline?.result ?? null, run.config.regression, baseline?.id ?? null);
  }
  return {
    runId: run.id, suite: run.suite, headSha: run.headSha, state: run.status,
    shards: {
      total: shards.length,
      done: shards.filter((s) => s.status === 'succeeded').length,
      failed: shards.filter((s) => s.status === 'failed').length,
      waiting: extra.waiting ?? [],
    },
    result: run.result, comparison, note: extra.note ?? null,
  };
}
