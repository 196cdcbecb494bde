/** A style config with every rule on, so each test sees the rule it bends. */
import type { StyleConfig, StyleRules } from '../../../src/config/types.js';
import type { StyleInput, Waiver } from '../../../src/engines/style/types.js';
import { buildPullRequest, type PullRequestOverrides } from './build-pr.js';

export function buildRules(): StyleRules {
  return {
    'title-conventional': {
      severity: 'error', types: ['feat', 'fix', 'docs'], scopes: [], 'require-scope-for': [], 'subject-pattern': null, 'header-max-length': 100,
    },
    'commit-conventional': { severity: 'error', 'squash-aware': true, types: null, 'header-max-length': 100, 'body-max-line-length': 100 },
    'commit-signoff': { severity: 'error', 'skip-verified-members': false },
    'branch-name': { severity: 'warning', pattern: '^(feat|fix|docs|chore)/[a-z0-9._-]+$' },
    'body-sections': { severity: 'warning', sections: ['## Summary', '## Testing'], 'require-checked-tasks': true },
    'pr-size': { severity: 'warning', 'max-files': 50, 'max-lines': 1000, ignore: ['**/*.lock'], 'ignore-generated': true },
    'forbidden-paths': { severity: 'error', paths: ['secrets/**', '**/*.pem'] },
    'large-files': { severity: 'error', 'max-bytes': 5_000_000 },
    labels: { severity: 'error', 'required-one-of': ['model', 'docs', 'infra'], forbidden: ['do-not-merge'] },
    'linked-issue': { severity: 'warning', keywords: [] },
    draft: { severity: 'notice', neutral: true },
  };
}

export type RulePatch = { [K in keyof StyleRules]?: Partial<StyleRules[K]> };

export function buildStyleConfig(patch: RulePatch = {}, section: Partial<Omit<StyleConfig, 'rules'>> = {}): StyleConfig {
  const rules = buildRules() as unknown as Record<string, object>;
  for (const [rule, options] of Object.entries(patch)) rules[rule] = { ...rules[rule], ...options };
  return { except: {}, ...section, rules: rules as unknown as StyleRules };
}

export interface InputOverrides {
  /** A whole PullRequest works too: it is a complete set of overrides. */
  pr?: PullRequestOverrides;
  rules?: RulePatch;
  section?: Partial<Omit<StyleConfig, 'rules'>>;
  waivers?: Waiver[];
  orgMembers?: string[];
}

export function buildStyleInput(overrides: InputOverrides = {}): StyleInput {
  return {
    pr: buildPullRequest(overrides.pr),
    config: buildStyleConfig(overrides.rules, overrides.section),
    waivers: overrides.waivers ?? [],
    orgMembers: new Set(overrides.orgMembers ?? []),
  };
}

/** The options of one rule in a config built from the same patch. */
export function ruleOptions<K extends keyof StyleRules>(rule: K, patch: Partial<StyleRules[K]> = {}): StyleRules[K] {
  return { ...buildRules()[rule], ...patch };
}
