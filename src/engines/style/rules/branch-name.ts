/** branch-name: the head branch matches a pattern. */
import type { BranchNameOptions } from '../../../config/types.js';
import type { RuleCheck } from '../types.js';
import { compilePattern } from '../compile-pattern.js';
import { configProblem, outcome, styleFinding } from '../rule-outcome.js';

const RULE = 'branch-name';

export const checkBranchName: RuleCheck<BranchNameOptions> = (input, options) => {
  const compiled = compilePattern(options.pattern);
  if ('error' in compiled) return configProblem(RULE, options, `pattern ${compiled.error}`);
  const branch = input.pr.headRef;
  if (compiled.regex.test(branch)) return outcome(`branch ${branch} ok`, []);
  const message = `Branch '${branch}' does not match the pattern ${options.pattern}`;
  const hint = 'Rename the branch on GitHub (Branches page, rename), which keeps this pull request open, '
    + 'or push the work to a branch that matches and open a new pull request.';
  return outcome(`branch ${branch} does not match`, [styleFinding(RULE, options, message, { hint })]);
};
