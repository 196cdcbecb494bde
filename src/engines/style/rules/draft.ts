/** draft: a draft pull request is reported, and (neutral) gives the check a neutral conclusion. */
import type { DraftOptions } from '../../../config/types.js';
import type { RuleCheck } from '../types.js';
import { outcome, styleFinding } from '../rule-outcome.js';

export const checkDraft: RuleCheck<DraftOptions> = (input, options) => {
  if (!input.pr.draft) return outcome('ready for review', []);
  const hint = 'Mark the pull request as ready for review when it is done; the check runs again then.';
  const finding = styleFinding('draft', options, 'This pull request is a draft', { hint });
  return outcome(options.neutral ? 'draft: the check is neutral until it is ready for review' : 'draft', [finding]);
};
