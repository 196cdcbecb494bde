/** Test data for the style engine: a tidy pull request that passes every rule, to be bent per test. */
import type {
  ChangedFile, Commit, Person, PullRequest, RepositorySettings, Truncation,
} from '../../../src/engines/pull-request.js';

let counter = 0;

/** Distinct, stable-looking 40-hex shas whose 7-char prefixes differ. */
export function nextSha(): string {
  counter++;
  const word = ((counter * 2654435761) >>> 0).toString(16).padStart(8, '0');
  return word.repeat(5);
}

export function buildPerson(overrides: Partial<Person> = {}): Person {
  return { name: 'Ada Lovelace', email: 'ada@example.org', login: 'ada', type: 'User', ...overrides };
}

export const ADA = buildPerson();
export const GRACE = buildPerson({ name: 'Grace Hopper', email: 'grace@example.org', login: 'grace' });
export const RENOVATE = buildPerson({ name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com', login: 'renovate[bot]', type: 'Bot' });

export function signedOff(subject: string, person: Pick<Person, 'name' | 'email'> = ADA): string {
  return `${subject}\n\nSigned-off-by: ${person.name} <${person.email}>`;
}

export function buildCommit(overrides: Partial<Commit> = {}): Commit {
  const author = overrides.author ?? ADA;
  return {
    sha: nextSha(),
    message: signedOff('feat: add model card checks', author),
    author,
    committer: overrides.committer ?? author,
    parentCount: 1,
    verified: null,
    ...overrides,
  };
}

export function buildFile(path: string, overrides: Partial<ChangedFile> = {}): ChangedFile {
  return { path, previousPath: null, status: 'modified', additions: 10, deletions: 2, size: 1200, lfsPointer: false, ...overrides };
}

export const DEFAULT_BODY = [
  '## Summary',
  'Adds model card checks.',
  '',
  '## Testing',
  '- [x] ran the unit tests',
  '',
  'Fixes #12',
].join('\n');

export interface PullRequestOverrides extends Partial<Omit<PullRequest, 'author' | 'repository' | 'truncated'>> {
  author?: Partial<PullRequest['author']>;
  repository?: Partial<RepositorySettings>;
  truncated?: { commits?: Truncation | null; files?: Truncation | null };
}

export function buildPullRequest(overrides: PullRequestOverrides = {}): PullRequest {
  const { author, repository, truncated, ...rest } = overrides;
  return {
    number: 7,
    title: 'feat: add model card checks',
    body: DEFAULT_BODY,
    draft: false,
    labels: ['model'],
    baseRef: 'main',
    headRef: 'feat/model-cards',
    baseSha: 'b'.repeat(40),
    headSha: 'h'.repeat(40),
    linkedIssues: 1,
    commits: [buildCommit()],
    files: [buildFile('src/cards.ts')],
    gitattributes: null,
    known: { title: true, body: true, labels: true },
    ...rest,
    author: { login: 'ada', type: 'User', association: 'CONTRIBUTOR', ...author },
    repository: {
      defaultBranch: 'main',
      squashMergeAllowed: true,
      mergeCommitAllowed: true,
      rebaseMergeAllowed: true,
      squashMergeCommitTitle: 'COMMIT_OR_PR_TITLE',
      ...repository,
    },
    truncated: { commits: null, files: null, ...truncated },
  };
}
