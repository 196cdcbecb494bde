/** The `except` / `only` scope object shared by the style section and every rule. */
import { choice, globs, mapping, strings, type JsonSchema } from './schema-parts.js';

const AUTHOR_TYPES = ['User', 'Bot', 'Organization'];
const AUTHOR_ASSOCIATIONS = [
  'OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN', 'NONE',
];

export const SCOPE_SCHEMA: JsonSchema = mapping(
  'Who or what a rule applies to: pull-request authors, author types, author associations, labels, base branches and paths.',
  {
    authors: strings(
      'GitHub logins of pull-request authors, e.g. "renovate[bot]".',
      'A GitHub login.',
    ),
    'author-types': {
      type: 'array',
      items: choice(AUTHOR_TYPES, 'User, Bot (apps such as dependabot[bot]) or Organization.'),
      description: 'Account types of the pull-request author: User, Bot or Organization.',
    },
    'author-associations': {
      type: 'array',
      items: choice(AUTHOR_ASSOCIATIONS, "The author's association with the repository, as GitHub reports it."),
      description: "The author's association with the repository: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, FIRST_TIMER, MANNEQUIN or NONE.",
    },
    labels: strings('Pull-request labels, e.g. "skip-style".', 'A label name.'),
    'base-branches': strings('Names of the branches the pull request merges into, e.g. "main".', 'A branch name.'),
    paths: globs(
      'Changed files. In `except`: file rules ignore these files, other rules are skipped when every changed file matches. In `only`: file rules look only at these files, other rules run only when some changed file matches.',
    ),
  },
);

export const EXCEPT_DESCRIPTION =
  'Skip when ANY listed criterion matches (e.g. the author is a bot, or the pull request has the label "skip-style").';
export const ONLY_DESCRIPTION =
  'Run only when EVERY listed key matches (any one value within a key), e.g. `only: { base-branches: [main] }`.';
