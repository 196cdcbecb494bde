/** Runs the style check of one pull request and publishes it, with the waivers granted on it; then the model-card check on the same load. */
import type { PublishResult, PullRequestRef } from '../../platform/port.js';
import { checkPullRequest, publishCheck, type CheckOutcome } from '../../workflows/check-pull-request.js';
import { runCardCheck } from './run-card-check.js';
import type { WorkContext } from './types.js';

export async function runStyleCheck(ctx: WorkContext, ref: PullRequestRef): Promise<PublishResult & { outcome: CheckOutcome }> {
  const waivers = await ctx.store.listWaivers(ref.owner, ref.repo, ref.number);
  const outcome = await checkPullRequest(ctx.platform, ref, { waivers });
  const published = await publishCheck(ctx.platform, { owner: ref.owner, repo: ref.repo }, outcome);
  ctx.log.info(
    { pr: `${ref.owner}/${ref.repo}#${ref.number}`, conclusion: outcome.plan.conclusion, written: published.written, requests: published.requests },
    published.written ? `Published ${outcome.plan.name}: ${outcome.plan.title}` : `${outcome.plan.name} unchanged; not written again`,
  );
  await runCardCheck(ctx, ref, outcome);
  return { ...published, outcome };
}
