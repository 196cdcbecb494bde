/**
 * Use-case: one pull-request review with GitHub `suggestion` blocks for the mechanical fixes of
 * the changed cards, posted once per head commit. The review body carries a hidden
 * `<!-- steward:card-review sha=... -->`; a review with that marker means "already posted", so
 * redeliveries, re-runs and `/steward recheck` never post it again.
 *
 * A suggestion goes only on a line the diff shows (GitHub refuses review comments elsewhere): every
 * line of an added card, and the head-side lines of the other cards' patches, read only when needed.
 */
import type { PullRequest } from '../engines/pull-request.js';
import type { RepoName, ReviewComment, ReviewPlan, ReviewWriter } from '../platform/port.js';
import type { CardCheckOutcome } from './check-model-cards.js';
import { suggestCardFixes, type CardSuggestion } from './model-card-suggestions.js';

export interface CardReviewResult {
  /** posted, or why not: nothing to suggest, already posted on this commit, or no suggested line in the diff. */
  status: 'posted' | 'no-suggestion' | 'already-posted' | 'outside-diff';
  comments: number;
}

export function cardReviewMarker(headSha: string): string {
  return `<!-- steward:card-review sha=${headSha} -->`;
}

export function findCardSuggestions(outcome: CardCheckOutcome): CardSuggestion[] {
  return outcome.files.flatMap((f) => (f.text === null ? [] : suggestCardFixes(f.path, f.text, outcome.report.findings)));
}

export async function postCardReview(
  writer: ReviewWriter, repo: RepoName, pr: PullRequest, outcome: CardCheckOutcome,
): Promise<CardReviewResult> {
  const suggestions = findCardSuggestions(outcome);
  if (!suggestions.length || pr.number === null) return { status: 'no-suggestion', comments: 0 };
  const marker = cardReviewMarker(pr.headSha);
  if (await writer.hasReview(repo, pr.number, marker)) return { status: 'already-posted', comments: 0 };
  const added = new Set(pr.files.filter((f) => f.status === 'added').map((f) => f.path));
  const others = [...new Set(suggestions.map((s) => s.path).filter((p) => !added.has(p)))];
  const diffLines = others.length ? await writer.readDiffLines(repo, pr.number, others) : new Map<string, Set<number>>();
  const inDiff = suggestions.filter((s) => added.has(s.path) || diffLines.get(s.path)?.has(s.line));
  if (!inDiff.length) return { status: 'outside-diff', comments: 0 };
  await writer.postReview(repo, pr.number, buildCardReview(pr.headSha, inDiff, suggestions.length - inDiff.length));
  return { status: 'posted', comments: inDiff.length };
}

export function buildCardReview(headSha: string, suggestions: readonly CardSuggestion[], outside = 0): ReviewPlan {
  const fixes = suggestions.length === 1 ? 'a fix' : `${suggestions.length} fixes`;
  const rest = outside ? ` ${outside} more on lines this pull request does not change are in the \`Steward / model cards\` check.` : '';
  const body = `Steward suggests ${fixes} for the model cards changed here; each can be committed from its comment.${rest}\n\n${cardReviewMarker(headSha)}`;
  return { headSha, body, comments: suggestions.map(toComment) };
}

function toComment(s: CardSuggestion): ReviewComment {
  const { rule, message } = s.finding;
  return { path: s.path, line: s.line, body: `**${rule}**: ${message}\n\n\`\`\`suggestion\n${s.fixed}\n\`\`\`` };
}
