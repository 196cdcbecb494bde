/** The `style` section: every rule, every option, with the built-in defaults as `default`s. */
import { DEFAULT_CONFIG } from '../defaults.js';
import type { StyleRuleId } from '../types.js';
import { EXCEPT_DESCRIPTION, ONLY_DESCRIPTION } from './scope-schema.js';
import {
  RULE_SEVERITIES, choice, count, flag, globs, mapping, regex, strings, text, type JsonSchema,
} from './schema-parts.js';

const SCOPE_REF = '#/definitions/scope';
const SEVERITY =
  'error fails the check; warning and notice are reported without failing it; off turns the rule off.';

/** One rule: severity, except, only and its own options, each with the default from DEFAULT_CONFIG. */
function rule(id: StyleRuleId, description: string, options: Record<string, JsonSchema>): JsonSchema {
  const defaults = DEFAULT_CONFIG.style.rules[id] as unknown as Record<string, unknown>;
  const properties: Record<string, JsonSchema> = {
    severity: choice(RULE_SEVERITIES, SEVERITY),
    except: { $ref: SCOPE_REF, description: EXCEPT_DESCRIPTION },
    only: { $ref: SCOPE_REF, description: ONLY_DESCRIPTION },
    ...options,
  };
  for (const [key, schema] of Object.entries(properties)) {
    if (key in defaults) properties[key] = { ...schema, default: defaults[key] };
  }
  return mapping(description, properties);
}

const RULES: Record<StyleRuleId, JsonSchema> = {
  'title-conventional': rule('title-conventional', 'The pull-request title follows Conventional Commits ("feat(api): add x"), checked with commitlint.', {
    types: strings('Allowed types: the word before the colon. The message lists them.', 'A type, e.g. "feat".'),
    scopes: strings('Allowed scopes, the word in parentheses; empty: any scope or none.', 'A scope, e.g. "api".'),
    'require-scope-for': strings('Types whose titles must name a scope, e.g. [feat].', 'A type.'),
    'subject-pattern': regex('A regular expression (JavaScript syntax) that the subject, the text after "type(scope): ", must match, e.g. "^[a-z]"; null: any subject.', true),
    'header-max-length': count('The longest title allowed, in characters.'),
  }),
  'commit-conventional': rule('commit-conventional', "Every commit message of the pull request follows Conventional Commits (commitlint's default ignores apply: merge, revert, fixup!, squash!).", {
    'squash-aware': flag('When the repository squash-merges with the pull-request title as the commit message, lint the title and skip the commits, whose messages the squash discards.'),
    types: { type: ['array', 'null'], items: text('A type, e.g. "feat".'), description: 'Allowed types in commit messages; null: the same as title-conventional.types.' },
    'header-max-length': count('The longest first line of a commit message, in characters.'),
    'body-max-line-length': { type: ['integer', 'null'], minimum: 1, description: 'The longest line in a commit body, in characters; null: no limit.' },
  }),
  'commit-signoff': rule('commit-signoff', 'Every commit carries a "Signed-off-by:" line matching its author or committer (Developer Certificate of Origin). Merge commits are skipped.', {
    'skip-verified-members': flag('Accept a commit without sign-off when GitHub verified its signature and its author is a member of the organisation.'),
  }),
  'branch-name': rule('branch-name', "The pull request's branch name matches a pattern.", {
    pattern: regex('A regular expression (JavaScript syntax) the branch name must match.'),
  }),
  'body-sections': rule('body-sections', 'The pull-request description has the required headings, each followed by some text.', {
    sections: strings('Markdown headings the description must contain, e.g. "## Summary".', 'A heading, written as in the template, e.g. "## Testing".'),
    'require-checked-tasks': flag('Fail while task-list items ("- [ ]") of the description are unchecked.'),
  }),
  'pr-size': rule('pr-size', 'The pull request stays small enough to review.', {
    'max-files': count('The most changed files allowed.'),
    'max-lines': count('The most changed lines allowed (additions plus deletions).'),
    ignore: globs('Files not counted, e.g. lockfiles. Writing this list replaces the default list.'),
    'ignore-generated': flag('Do not count files marked linguist-generated in .gitattributes.'),
  }),
  'forbidden-paths': rule('forbidden-paths', 'No changed file matches these globs (keys, secrets); each match is annotated on the file.', {
    paths: globs('Globs no added or changed file may match. Writing this list replaces the default list.'),
  }),
  'large-files': rule('large-files', 'Files larger than max-bytes must be Git LFS pointers (tracked by a filter=lfs line in .gitattributes).', {
    'max-bytes': count('The largest file, in bytes, that may be committed without Git LFS.'),
  }),
  labels: rule('labels', 'The pull request carries the labels it needs and none it must not.', {
    'required-one-of': strings('At least one of these labels must be present; empty: no requirement.', 'A label name.'),
    forbidden: strings('None of these labels may be present, e.g. "do-not-merge".', 'A label name.'),
  }),
  'linked-issue': rule('linked-issue', 'The pull request links an issue: a closing keyword in the description ("Fixes #12") or an issue linked on GitHub.', {
    keywords: strings('Words that link an issue when followed by a reference such as "#12".', 'A keyword, compared case-insensitively.'),
  }),
  draft: rule('draft', 'Reports that the pull request is a draft.', {
    neutral: flag('Give drafts a neutral check conclusion, whatever else is found, so that work in progress is not shown as failing.'),
  }),
};

export const STYLE_SCHEMA: JsonSchema = mapping('Contribution style rules checked on every pull request (the "Steward / style" check).', {
  except: { $ref: SCOPE_REF, description: `For all rules: ${EXCEPT_DESCRIPTION}`, default: DEFAULT_CONFIG.style.except },
  only: { $ref: SCOPE_REF, description: `For all rules: ${ONLY_DESCRIPTION}` },
  rules: mapping('The rules, by id. Write only the rules and options you change; the rest keep their defaults.', RULES),
});
