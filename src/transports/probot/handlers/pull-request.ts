/** pull_request.* : check the pull request at its new state; start, or cancel, evaluations. */
import { integer, repoOf, text } from '../payload.js';
import { runEvaluationTriggers } from '../evaluation-triggers.js';
import { runStyleCheck } from '../run-style-check.js';
import type { DeliveryHandler } from '../types.js';

export const handlePullRequest: DeliveryHandler = async (payload, ctx) => {
  const repo = repoOf(payload);
  const number = integer(payload, 'pull_request', 'number') ?? integer(payload, 'number');
  if (!repo || number === null) {
    ctx.log.warn('Skipped: pull_request payload without repository or number');
    return;
  }
  if (text(payload, 'action') === 'closed') {
    await runEvaluationTriggers(payload, ctx, null, number);
    return;
  }
  const { outcome } = await runStyleCheck(ctx, {
    ...repo,
    number,
    headSha: text(payload, 'pull_request', 'head', 'sha') ?? undefined,
    defaultBranch: text(payload, 'repository', 'default_branch') ?? undefined,
  });
  await runEvaluationTriggers(payload, ctx, outcome, number);
};
