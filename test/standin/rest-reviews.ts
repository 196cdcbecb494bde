/** Pull-request reviews: Steward lists them (looking for its marker) and posts one COMMENT review. */
import { pullKey, type ReviewState } from './state.js';
import { example, notFound, page, type RestContext, type RestHandler } from './rest-kit.js';

const REVIEWS = '/repos/{owner}/{repo}/pulls/{pull_number}/reviews';

function reviewAnswer(review: ReviewState, context: RestContext): Record<string, unknown> {
  const url = `${context.url}/repos/${review.owner}/${review.repo}/pulls/${review.number}`;
  return example('POST', REVIEWS, {
    id: review.id, node_id: `PRR_${review.id}`, body: review.body, commit_id: review.commitId, user: { login: 'steward[bot]', type: 'Bot' },
    state: review.event === 'COMMENT' ? 'COMMENTED' : review.event === 'APPROVE' ? 'APPROVED' : review.event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : 'PENDING',
    html_url: url, pull_request_url: url,
  });
}

function pullOf(context: RestContext) {
  const { owner = '', repo = '', pull_number: n } = context.params;
  return context.state.pulls.get(pullKey(owner, repo, Number(n)));
}

const post: RestHandler = (context) => {
  const pull = pullOf(context);
  if (!pull) return notFound();
  const review: ReviewState = {
    id: context.state.nextId(), owner: pull.owner, repo: pull.repo, number: pull.number, commitId: String(context.body.commit_id ?? pull.headSha),
    event: String(context.body.event ?? 'PENDING'), body: String(context.body.body ?? ''), comments: (context.body.comments ?? []) as unknown[],
  };
  context.state.reviews.push(review);
  return { status: 200, body: reviewAnswer(review, context) };
};

const list: RestHandler = (context) => {
  const pull = pullOf(context);
  if (!pull) return notFound();
  const reviews = context.state.reviews.filter((r) => r.owner === pull.owner && r.repo === pull.repo && r.number === pull.number);
  return { status: 200, body: page(reviews.map((r) => reviewAnswer(r, context)), context.query) };
};

export const REVIEW_HANDLERS: Record<string, RestHandler> = { [`POST ${REVIEWS}`]: post, [`GET ${REVIEWS}`]: list };
