/**
 * The commitlint rule list Steward runs: @commitlint/config-conventional's rules, in its order,
 * with Steward's options laid over them. Built once per linter, run synchronously per message.
 */
import configConventional from '@commitlint/config-conventional';
import commitlintRules from '@commitlint/rules';
import type { Commit as ParsedCommit } from 'conventional-commits-parser';

type Outcome = readonly [boolean, string?];
type AnyRule = (parsed: ParsedCommit, when?: string, value?: unknown) => Outcome;

export interface ConfiguredRule {
  name: string;
  /** commitlint levels: 1 warning, 2 error. */
  level: 1 | 2;
  run: (parsed: ParsedCommit) => Outcome;
}

export interface RuleListOptions {
  types: readonly string[];
  scopes: readonly string[];
  requireScopeFor: readonly string[];
  subjectPattern: RegExp | null;
  headerMaxLength: number;
  bodyMaxLineLength: number | null;
}

/** config-conventional's own type list: the default when no types are configured. */
export const CONVENTIONAL_TYPES: readonly string[] = [...configConventional.rules['type-enum'][2]];

const RULES = commitlintRules as unknown as Record<string, AnyRule>;

function configured(name: string, level: number, when: string, value: unknown): ConfiguredRule {
  const rule = RULES[name];
  if (!rule) throw new Error(`@commitlint/rules has no rule '${name}'`);
  return { name, level: level === 1 ? 1 : 2, run: (parsed) => rule(parsed, when, value) };
}

/** Steward's overrides of config-conventional values; undefined keeps commitlint's value, null disables. */
function overrides(options: RuleListOptions): Record<string, unknown> {
  return {
    // An empty list means any type, as an empty scope list means any scope.
    'type-enum': options.types.length > 0 ? [...options.types] : null,
    'header-max-length': options.headerMaxLength,
    'body-max-line-length': options.bodyMaxLineLength,
    // One knob for both: Dependabot-style bodies break footers and bodies alike.
    'footer-max-line-length': options.bodyMaxLineLength,
  };
}

export function buildRuleList(options: RuleListOptions): ConfiguredRule[] {
  const values = overrides(options);
  const list: ConfiguredRule[] = [];
  for (const [name, config] of Object.entries(configConventional.rules)) {
    const [level, when, value] = config as readonly [number, string, unknown?];
    if (level === 0) continue;
    const override = name in values ? values[name] : value;
    if (override === null) continue;
    list.push(configured(name, level, when, override));
  }
  if (options.scopes.length > 0) list.push(configured('scope-enum', 2, 'always', [...options.scopes]));
  if (options.requireScopeFor.length > 0) list.push(requireScopeRule(options.requireScopeFor));
  if (options.subjectPattern) list.push(subjectPatternRule(options.subjectPattern));
  return list;
}

/** commitlint's scope-empty applies to every type; teams want it for some (amannn#238, #285). */
function requireScopeRule(types: readonly string[]): ConfiguredRule {
  const wanted = new Set(types);
  return {
    name: 'scope-empty',
    level: 2,
    run: ({ type, scope }) => [
      !(type && wanted.has(type)) || Boolean(scope),
      `scope may not be empty for type ${type ?? ''}`,
    ],
  };
}

function subjectPatternRule(pattern: RegExp): ConfiguredRule {
  return {
    name: 'subject-pattern',
    level: 2,
    run: ({ subject }) => [subject == null || pattern.test(subject), `subject must match ${pattern.source}`],
  };
}
