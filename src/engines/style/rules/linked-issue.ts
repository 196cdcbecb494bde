/** linked-issue: the pull request closes an issue (GitHub's link, or a closing keyword in the body). */
import type { LinkedIssueOptions } from '../../../config/types.js';
import type { RuleCheck } from '../types.js';
import { outcome, styleFinding } from '../rule-outcome.js';
import { plural } from '../format-text.js';
import { stripHtmlComments } from '../parse-markdown.js';

/** GitHub's closing keywords (docs: "Linking a pull request to an issue"). */
export const CLOSING_KEYWORDS = ['close', 'closes', 'closed', 'fix', 'fixes', 'fixed', 'resolve', 'resolves', 'resolved'];

const ISSUE_REF = String.raw`(?:#\d+|[\w.-]+\/[\w.-]+#\d+|https?:\/\/[^\s/]+\/[\w.-]+\/[\w.-]+\/issues\/\d+)`;

export function findClosingReference(body: string, keywords: readonly string[]): string | null {
  const words = (keywords.length > 0 ? keywords : CLOSING_KEYWORDS).map((k) => k.trim()).filter(Boolean);
  if (words.length === 0) return null;
  const escaped = words.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // Templates often carry "<!-- Fixes #123 -->" as an example: comments do not count.
  const match = new RegExp(String.raw`(?<![\w-])(?:${escaped}):?\s+${ISSUE_REF}(?![\w-])`, 'i').exec(stripHtmlComments(body));
  return match ? match[0] : null;
}

export const checkLinkedIssue: RuleCheck<LinkedIssueOptions> = (input, options) => {
  const { linkedIssues, body } = input.pr;
  if (linkedIssues !== null && linkedIssues > 0) return outcome(`linked to ${plural(linkedIssues, 'issue')}`, []);
  const reference = findClosingReference(body ?? '', options.keywords);
  if (reference) return outcome(`closes an issue ('${reference}')`, []);
  const unknown = linkedIssues === null ? ' (Steward cannot see issues linked from the sidebar here)' : '';
  const message = `This pull request does not link an issue${unknown}`;
  const hint = "Add a line such as 'Fixes #123' to the description, or link an issue under Development in the sidebar.";
  return outcome('no linked issue', [styleFinding('linked-issue', options, message, { hint })]);
};
