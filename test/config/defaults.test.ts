import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { STEWARD_SCHEMA } from '../../src/config/schema/steward-schema.js';
import { STYLE_RULE_IDS } from '../../src/config/types.js';
import { validateConfigData } from '../../src/config/validate-config.js';

type Schema = Record<string, unknown>;

function resolveRef(schema: Schema): Schema {
  if (typeof schema.$ref !== 'string') return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  return { ...(STEWARD_SCHEMA.definitions as Record<string, Schema>)[name], ...schema };
}

/** Every `default` in the schema under `style`, by path. */
function schemaDefaults(schema: Schema, path: string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const resolved = resolveRef(schema);
  if ('default' in resolved) out.set(path.join('.'), resolved.default);
  else {
    for (const [key, child] of Object.entries((resolved.properties as Record<string, Schema>) ?? {})) {
      for (const [p, v] of schemaDefaults(child, [...path, key])) out.set(p, v);
    }
  }
  return out;
}

/** Every leaf of DEFAULT_CONFIG (a value that is not a mapping, or a rule's `except` scope). */
function configLeaves(value: unknown, path: string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const isLeaf = typeof value !== 'object' || value === null || Array.isArray(value) || path[path.length - 1] === 'except';
  if (isLeaf) return out.set(path.join('.'), value);
  for (const [key, child] of Object.entries(value as object)) {
    for (const [p, v] of configLeaves(child, [...path, key])) out.set(p, v);
  }
  return out;
}

describe('DEFAULT_CONFIG', () => {
  const styleSchema = (STEWARD_SCHEMA.properties as Record<string, Schema>).style!;

  it('is a valid config', () => {
    expect(validateConfigData(DEFAULT_CONFIG)).toEqual([]);
  });

  it('has exactly the defaults the schema shows in editors, value for value', () => {
    const fromSchema = schemaDefaults(styleSchema, ['style']);
    const fromConfig = configLeaves(DEFAULT_CONFIG.style, ['style']);
    expect(Object.fromEntries(fromSchema)).toEqual(Object.fromEntries(fromConfig));
    expect(fromSchema.size).toBeGreaterThan(35);
  });

  it('configures every rule', () => {
    expect(Object.keys(DEFAULT_CONFIG.style.rules).sort()).toEqual([...STYLE_RULE_IDS].sort());
  });

  it('follows commitlint config-conventional and the brief', () => {
    const { rules } = DEFAULT_CONFIG.style;
    expect(rules['title-conventional'].types).toEqual(['build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test']);
    expect(rules['title-conventional']).toMatchObject({ severity: 'error', 'header-max-length': 100 });
    expect(rules['commit-conventional']).toMatchObject({ severity: 'warning', 'squash-aware': true, types: null });
    expect(rules['pr-size']).toMatchObject({ severity: 'warning', 'max-files': 50, 'max-lines': 1000, 'ignore-generated': true });
    expect(rules['pr-size'].ignore).toContain('**/package-lock.json');
    expect(rules['forbidden-paths']).toEqual({ severity: 'error', paths: ['**/*.pem', '**/id_rsa', '**/.env'] });
    expect(rules['large-files']).toEqual({ severity: 'error', 'max-bytes': 10_000_000 });
    expect(rules.draft).toEqual({ severity: 'notice', neutral: true });
    expect(rules['linked-issue'].keywords).toContain('resolves');
    expect(rules['commit-signoff'].except).toEqual({ 'author-types': ['Bot'] });
  });

  it('cannot be changed by accident by one caller for all later checks', () => {
    expect(() => {
      (DEFAULT_CONFIG.style.rules['pr-size'] as { 'max-files': number })['max-files'] = 1;
    }).toThrow(TypeError);
    expect(() => (DEFAULT_CONFIG.style.rules['pr-size'].ignore as string[]).push('x')).toThrow(TypeError);
  });
});
