/**
 * `except` / `only` scoping (SPEC.md §1, `Scope` in config/types.ts): whether a rule runs for
 * this pull request, and which files a file rule sees.
 */
import type { RuleBase, Scope, StyleConfig, StyleRuleId } from '../../config/types.js';
import type { ChangedFile, PullRequest } from '../pull-request.js';
import { compileGlobs } from './match-globs.js';
import { joinList } from './format-text.js';

/** Rules whose subject is the changed files: `paths` filters their files instead of skipping them. */
export const FILE_RULES: ReadonlySet<StyleRuleId> = new Set<StyleRuleId>(['pr-size', 'forbidden-paths', 'large-files']);

/** Bots cannot sign off or fill in a template; these rules skip them unless `except` says otherwise. */
export const BOT_EXEMPT_RULES: ReadonlySet<StyleRuleId> = new Set<StyleRuleId>(['commit-signoff', 'body-sections']);

export interface ScopeDecision {
  /** Why the rule is skipped, or null when it runs. */
  skip: string | null;
  /** The files the rule sees: for file rules, after `paths` filtering; otherwise all files. */
  files: ChangedFile[];
}

export function effectiveExcept(rule: StyleRuleId, except: Scope | undefined): Scope {
  const scope = except ?? {};
  if (!BOT_EXEMPT_RULES.has(rule) || scope['author-types'] !== undefined) return scope;
  return { ...scope, 'author-types': ['Bot'] };
}

export function decideScope(rule: StyleRuleId, options: RuleBase, config: StyleConfig, pr: PullRequest): ScopeDecision {
  const fileRule = FILE_RULES.has(rule);
  const excepts = [config.except, effectiveExcept(rule, options.except)];
  const onlys = [config.only, options.only];
  for (const scope of excepts) {
    const reason = exceptReason(scope, pr, fileRule);
    if (reason) return { skip: reason, files: pr.files };
  }
  for (const scope of onlys) {
    const reason = onlyMiss(scope, pr, fileRule);
    if (reason) return { skip: reason, files: pr.files };
  }
  return { skip: null, files: fileRule ? filterFiles(pr.files, excepts, onlys) : pr.files };
}

const lower = (values: readonly string[] | undefined): string[] => (values ?? []).map((v) => v.toLowerCase());
const has = (values: readonly string[] | undefined, value: string): boolean => lower(values).includes(value.toLowerCase());
const listed = (values: readonly string[] | undefined): values is string[] => values !== undefined && values.length > 0;

function exceptReason(scope: Scope | undefined, pr: PullRequest, fileRule: boolean): string | null {
  if (!scope) return null;
  const { login, type, association } = pr.author;
  if (has(scope.authors, login)) return `author ${login} is excepted`;
  if (has(scope['author-types'], type)) return `author ${login} is a ${type}`;
  if (has(scope['author-associations'], association)) return `author ${login} is a ${association.toLowerCase()} of the repository`;
  const label = pr.labels.find((l) => has(scope.labels, l));
  if (label !== undefined) return `label ${label}`;
  if (compileGlobs(scope['base-branches'])(pr.baseRef)) return `base branch ${pr.baseRef} is excepted`;
  if (!fileRule && listed(scope.paths) && pr.files.length > 0) {
    const matches = compileGlobs(scope.paths);
    if (pr.files.every((f) => matches(f.path))) return 'every changed file matches except.paths';
  }
  return null;
}

function onlyMiss(scope: Scope | undefined, pr: PullRequest, fileRule: boolean): string | null {
  if (!scope) return null;
  const { login, type, association } = pr.author;
  if (listed(scope.authors) && !has(scope.authors, login)) return `author ${login} is not in only.authors`;
  if (listed(scope['author-types']) && !has(scope['author-types'], type)) return `author ${login} is a ${type}, not ${joinList(scope['author-types'], 'or')}`;
  if (listed(scope['author-associations']) && !has(scope['author-associations'], association)) {
    return `author association ${association} is not in only.author-associations`;
  }
  if (listed(scope.labels) && !pr.labels.some((l) => has(scope.labels, l))) return `none of the labels ${joinList(scope.labels, 'or')} is set`;
  if (listed(scope['base-branches']) && !compileGlobs(scope['base-branches'])(pr.baseRef)) {
    return `base branch ${pr.baseRef} does not match only.base-branches`;
  }
  if (!fileRule && listed(scope.paths)) {
    const matches = compileGlobs(scope.paths);
    if (!pr.files.some((f) => matches(f.path))) return 'no changed file matches only.paths';
  }
  return null;
}

function filterFiles(files: ChangedFile[], excepts: (Scope | undefined)[], onlys: (Scope | undefined)[]): ChangedFile[] {
  const excluded = excepts.map((s) => compileGlobs(s?.paths));
  const required = onlys.filter((s) => listed(s?.paths)).map((s) => compileGlobs(s?.paths));
  return files.filter((f) => !excluded.some((m) => m(f.path)) && required.every((m) => m(f.path)));
}
