/**
 * Built-in defaults: what Steward does when a repository writes no `.github/steward.yml`, and the
 * base every user file is merged over, so users only write what they change.
 * `schemas/steward.schema.json` repeats these values as `default`s (a test keeps them equal) and
 * `templates/steward.yml` writes them out with comments.
 */
import type { StewardConfig } from './types.js';

/** @commitlint/config-conventional's `type-enum`. */
export const CONVENTIONAL_TYPES: readonly string[] = [
  'build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test',
];

/** The words GitHub reads as "this pull request closes that issue". */
export const GITHUB_CLOSING_KEYWORDS: readonly string[] = [
  'close', 'closes', 'closed', 'fix', 'fixes', 'fixed', 'resolve', 'resolves', 'resolved',
];

/** Lockfiles are machine-written; they would make every dependency bump "too large". */
export const LOCKFILE_GLOBS: readonly string[] = [
  '**/*.lock', '**/package-lock.json', '**/npm-shrinkwrap.json', '**/pnpm-lock.yaml', '**/go.sum', '**/bun.lockb',
];

/** Bots cannot sign off, fill in a template or pick a branch name, so these rules skip them. */
const exceptBots = () => ({ 'author-types': ['Bot'] });

/** Frozen so that no caller can change the defaults of every later check by accident. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_CONFIG: StewardConfig = deepFreeze({
  style: {
    except: {},
    rules: {
      'title-conventional': {
        severity: 'error',
        types: [...CONVENTIONAL_TYPES],
        scopes: [],
        'require-scope-for': [],
        'subject-pattern': null,
        'header-max-length': 100,
      },
      'commit-conventional': {
        severity: 'warning',
        'squash-aware': true,
        types: null,
        'header-max-length': 100,
        'body-max-line-length': 100,
      },
      'commit-signoff': { severity: 'off', except: exceptBots(), 'skip-verified-members': false },
      'branch-name': {
        severity: 'off',
        except: exceptBots(),
        pattern: '^(build|chore|ci|docs|feat|fix|perf|refactor|revert|style|test)/[a-z0-9._/-]+$',
      },
      'body-sections': { severity: 'off', except: exceptBots(), sections: [], 'require-checked-tasks': true },
      'pr-size': {
        severity: 'warning',
        'max-files': 50,
        'max-lines': 1000,
        ignore: [...LOCKFILE_GLOBS],
        'ignore-generated': true,
      },
      'forbidden-paths': { severity: 'error', paths: ['**/*.pem', '**/id_rsa', '**/.env'] },
      'large-files': { severity: 'error', 'max-bytes': 10_000_000 },
      labels: { severity: 'off', 'required-one-of': [], forbidden: [] },
      'linked-issue': { severity: 'off', keywords: [...GITHUB_CLOSING_KEYWORDS] },
      draft: { severity: 'notice', neutral: true },
    },
  },
});
