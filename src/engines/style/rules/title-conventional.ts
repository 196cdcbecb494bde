/** title-conventional: the PR title is a Conventional Commit (it becomes the squash commit's header). */
import type { TitleConventionalOptions } from '../../../config/types.js';
import type { RuleCheck } from '../types.js';
import { createCommitLinter, type CommitLinter } from '../lint-messages.js';
import { describeLintErrors, typeChoice } from '../describe-lint.js';
import { suggestHeader } from '../suggest-header.js';
import { configProblem, outcome, styleFinding } from '../rule-outcome.js';
import { quoteLine } from '../format-text.js';

const RULE = 'title-conventional';
/** GitHub's own title for a revert pull request; commitlint ignores the resulting commit too. */
const GITHUB_REVERT = /^Revert ".+"$/;

export const checkTitleConventional: RuleCheck<TitleConventionalOptions> = (input, options) => {
  const title = input.pr.title;
  if (GITHUB_REVERT.test(title.trim())) return outcome("GitHub's revert title, accepted as is", []);
  const linter = titleLinter(options);
  if ('error' in linter) return configProblem(RULE, options, linter.error);
  const verdict = linter.lint(title);
  if (verdict.valid) return outcome('title ok', []);
  const convention = { types: options.types, scopes: options.scopes, requireScopeFor: options['require-scope-for'] };
  const reasons = describeLintErrors(verdict, convention);
  const example = verdict.errors.some((e) => e.name === 'message-empty') ? null : suggestHeader(title, verdict, convention, linter.lint);
  const message = title.trim() === ''
    ? `The PR title is empty; expected 'type(scope): subject' with ${typeChoice(options.types)}`
    : `PR title '${quoteLine(title, 100)}' is not a Conventional Commit: ${reasons}`;
  const hint = example
    ? `Edit the title, e.g. '${example}'. The check runs again when the title changes.`
    : `Edit the title to read 'type(scope): subject', e.g. '${options.types[0] ?? 'feat'}: describe the change'.`;
  return outcome('title is not a Conventional Commit', [styleFinding(RULE, options, message, { hint })]);
};

function titleLinter(options: TitleConventionalOptions): { lint: CommitLinter } | { error: string } {
  try {
    return {
      lint: createCommitLinter({
        types: options.types,
        scopes: options.scopes,
        requireScopeFor: options['require-scope-for'],
        subjectPattern: options['subject-pattern'],
        headerMaxLength: options['header-max-length'],
        bodyMaxLineLength: null,
        // A title such as "fixup! x" would land as is on a squash merge: no ignores here.
        defaultIgnores: false,
      }),
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
