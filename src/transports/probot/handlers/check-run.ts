/**
 * check_run.rerequested and requested actions. Steward's style and card checks: check the pull
 * request again. The evaluation check: "Approve evaluation" (a fork's run waiting for a maintainer)
 * and "Run again", from people with write access.
 */
import { EVAL_CHECK_NAME } from '../../../report/eval-report.js';
import { approveEvaluation } from '../../../workflows/evaluation/approve-evaluation.js';
import { startEvaluation } from '../../../workflows/evaluation/start-evaluation.js';
import { COMMANDING_LEVELS } from '../commanding-levels.js';
import { evalDepsOf } from '../eval-deps-of.js';
import { installationOf, repoOf, text } from '../payload.js';
import type { DeliveryHandler, WorkContext } from '../types.js';
import { checkNamedPullRequests } from './check-suite.js';
import { resolvePullRequests } from './resolve-pull-requests.js';

export const handleCheckRun: DeliveryHandler = (payload, ctx) =>
  text(payload, 'check_run', 'name') === EVAL_CHECK_NAME ? handleEvalCheckRun(payload, ctx) : checkNamedPullRequests(payload, 'check_run', ctx);

async function handleEvalCheckRun(payload: unknown, ctx: WorkContext): Promise<void> {
  const repo = repoOf(payload);
  const installationId = installationOf(payload);
  const login = text(payload, 'sender', 'login');
  const sha = text(payload, 'check_run', 'head_sha');
  if (!repo || installationId === null || !login || !sha) return;
  if (!COMMANDING_LEVELS.has((await ctx.platform.permissionOf(repo, login)).level)) {
    ctx.log.info(`${login} may not start evaluations (no write access); the requested action is ignored`);
    return;
  }
  // The evaluation check's external_id is its run: the suite to run again, and its pull request.
  const previous = await ctx.store.getRun(text(payload, 'check_run', 'external_id') ?? '');
  const number = previous ? previous.pr ?? undefined : (await resolvePullRequests(payload, 'check_run', repo, ctx))[0];
  const deps = evalDepsOf(ctx, installationId);
  const suite = previous?.suite ?? null;
  if (number !== undefined && text(payload, 'requested_action', 'identifier') === 'approve-eval') {
    const { message } = await approveEvaluation(deps, repo, number, login, suite);
    ctx.log.info(`Approve evaluation: ${message}`);
    return;
  }
  const origin = number === undefined ? null : await ctx.platform.pullRequestOrigin(repo, number);
  if (origin && origin.headSha !== sha) {
    ctx.log.info(`The check is on ${sha.slice(0, 7)}, no longer the head of #${number}; not run again`);
    return;
  }
  const { message } = await startEvaluation(deps, {
    repo, pr: number ?? null, headSha: sha, headBranch: origin?.headRef ?? null, suite, trigger: 'action',
    requestedBy: login, fromFork: origin?.fromFork ?? false, approved: false, baseline: number === undefined,
  });
  ctx.log.info(`Run evaluation again: ${message}`);
}
