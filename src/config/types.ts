/**
 * The resolved configuration, after `_extends`, defaults and validation (SPEC.md §1).
 * Keys keep the kebab-case users write; `schemas/steward.schema.json` is the one contract.
 */
import type { RuleSeverity } from '../engines/findings.js';

/** Who or what a rule applies to. `except`: skipped when ANY listed criterion matches.
 *  `only`: runs only when EVERY listed key matches (any value within a key). */
export interface Scope {
  authors?: string[];
  'author-types'?: string[];
  'author-associations'?: string[];
  labels?: string[];
  'base-branches'?: string[];
  /** File rules ignore (except) or keep only (only) these globs; other rules are skipped when
   *  every changed file matches (except) or run only when some changed file matches (only). */
  paths?: string[];
}

export interface RuleBase {
  severity: RuleSeverity;
  except?: Scope;
  only?: Scope;
}

export interface TitleConventionalOptions extends RuleBase {
  types: string[];
  scopes: string[];
  'require-scope-for': string[];
  'subject-pattern': string | null;
  'header-max-length': number;
}

export interface CommitConventionalOptions extends RuleBase {
  'squash-aware': boolean;
  types: string[] | null; // null: the title rule's types
  'header-max-length': number;
  'body-max-line-length': number | null;
}

export interface CommitSignoffOptions extends RuleBase {
  'skip-verified-members': boolean;
}

export interface BranchNameOptions extends RuleBase {
  pattern: string;
}

export interface BodySectionsOptions extends RuleBase {
  sections: string[];
  'require-checked-tasks': boolean;
}

export interface PrSizeOptions extends RuleBase {
  'max-files': number;
  'max-lines': number;
  ignore: string[];
  /** Skip files marked linguist-generated in .gitattributes. */
  'ignore-generated': boolean;
}

export interface ForbiddenPathsOptions extends RuleBase {
  paths: string[];
}

export interface LargeFilesOptions extends RuleBase {
  'max-bytes': number;
}

export interface LabelsOptions extends RuleBase {
  'required-one-of': string[];
  forbidden: string[];
}

export interface LinkedIssueOptions extends RuleBase {
  keywords: string[];
}

export interface DraftOptions extends RuleBase {
  /** Drafts get a neutral check conclusion whatever else is found (default true). */
  neutral: boolean;
}

export interface StyleRules {
  'title-conventional': TitleConventionalOptions;
  'commit-conventional': CommitConventionalOptions;
  'commit-signoff': CommitSignoffOptions;
  'branch-name': BranchNameOptions;
  'body-sections': BodySectionsOptions;
  'pr-size': PrSizeOptions;
  'forbidden-paths': ForbiddenPathsOptions;
  'large-files': LargeFilesOptions;
  labels: LabelsOptions;
  'linked-issue': LinkedIssueOptions;
  draft: DraftOptions;
}

export type StyleRuleId = keyof StyleRules;

export const STYLE_RULE_IDS: readonly StyleRuleId[] = [
  'title-conventional',
  'commit-conventional',
  'commit-signoff',
  'branch-name',
  'body-sections',
  'pr-size',
  'forbidden-paths',
  'large-files',
  'labels',
  'linked-issue',
  'draft',
];

export interface StyleConfig {
  except: Scope;
  only?: Scope;
  rules: StyleRules;
}

export interface StewardConfig {
  style: StyleConfig;
  /** Later issues own these sections; kept as validated data until then. */
  'model-cards'?: Record<string, unknown>;
  evaluation?: Record<string, unknown>;
  reconcile?: Record<string, unknown>;
}
