/**
 * The model-card check of one pull request, in the same delivery as the style check and on what it
 * loaded: the changed cards are read (one GraphQL query per 100), the `Steward / model cards` check
 * is written, and the review with suggested fixes is posted once per head commit.
 *
 * No card changed: nothing is read or written. A check run lives on a commit, and the files a pull
 * request changes at a commit do not change with later events (only a base change can), so there is
 * no earlier card check on that commit to clear. An invalid config runs no card check either: the
 * style check shows its problems.
 */
import { GitHubError } from '../../platform/github/github-error.js';
import type { PullRequestRef } from '../../platform/port.js';
import type { CheckOutcome } from '../../workflows/check-pull-request.js';
import { checkModelCards, publishCardCheck } from '../../workflows/check-model-cards.js';
import { postCardReview } from '../../workflows/post-model-card-review.js';
import type { WorkContext } from './types.js';

export async function runCardCheck(ctx: WorkContext, ref: PullRequestRef, style: CheckOutcome): Promise<void> {
  const config = style.resolved.config;
  if (!config) return;
  const repo = { owner: ref.owner, repo: ref.repo };
  const outcome = await checkModelCards(ctx.platform, repo, { snapshot: style.snapshot, config });
  if (!outcome) return;
  const published = await publishCardCheck(ctx.platform, repo, outcome);
  const review = await postCardReview(ctx.platform, repo, style.snapshot.pr, outcome).catch((error: unknown) => {
    // The suggestions are a courtesy on top of the check: a review GitHub refuses (422) is logged, not retried.
    if (!(error instanceof GitHubError) || error.retryable) throw error;
    ctx.log.warn({ pr: `${ref.owner}/${ref.repo}#${ref.number}`, err: error.message }, 'GitHub refused the review with suggested card fixes');
    return { status: 'refused', comments: 0 };
  });
  ctx.log.info(
    { pr: `${ref.owner}/${ref.repo}#${ref.number}`, cards: outcome.cards.length, conclusion: outcome.plan.conclusion, review: review.status },
    published.written ? `Published ${outcome.plan.name}: ${outcome.plan.title}` : `${outcome.plan.name} unchanged; not written again`,
  );
}
