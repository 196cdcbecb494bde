/** labels: one of the required labels is set, and no forbidden label is. */
import type { LabelsOptions } from '../../../config/types.js';
import type { Finding } from '../../findings.js';
import type { RuleCheck } from '../types.js';
import { outcome, styleFinding } from '../rule-outcome.js';
import { joinList } from '../format-text.js';

const RULE = 'labels';

export const checkLabels: RuleCheck<LabelsOptions> = (input, options) => {
  const present = new Map(input.pr.labels.map((l) => [l.toLowerCase(), l]));
  const findings: Finding[] = [];
  const required = options['required-one-of'];
  if (required.length > 0 && !required.some((l) => present.has(l.toLowerCase()))) {
    findings.push(styleFinding(RULE, options, `This pull request needs one of the labels ${joinList(required, 'or')}`, {
      hint: `Add one of ${joinList(required.map((l) => `'${l}'`), 'or')} in the Labels box of the sidebar (triage access or more).`,
    }));
  }
  for (const label of options.forbidden) {
    const found = present.get(label.toLowerCase());
    if (found === undefined) continue;
    findings.push(styleFinding(RULE, options, `The label '${found}' blocks this pull request`, {
      hint: `Remove the label '${found}' when the pull request is ready.`,
    }));
  }
  const shown = input.pr.labels.length > 0 ? `labels: ${input.pr.labels.join(', ')}` : 'no labels';
  return outcome(shown, findings);
};
