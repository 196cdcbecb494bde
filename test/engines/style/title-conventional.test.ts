import { describe, it, expect } from '@jest/globals';
import { checkTitleConventional } from '../../../src/engines/style/rules/title-conventional.js';
import type { TitleConventionalOptions } from '../../../src/config/types.js';
import { buildStyleInput, ruleOptions } from './build-config.js';

function check(title: string, patch: Partial<TitleConventionalOptions> = {}) {
  return checkTitleConventional(buildStyleInput({ pr: { title } }), ruleOptions('title-conventional', patch));
}

describe('title-conventional', () => {
  it.each([
    ['feat: add model card checks', {}],
    ['fix(api): handle empty payloads', {}],
    ['docs!: rewrite the guide', {}],
    ['feat(api): add x', { scopes: ['api', 'core'] }],
    ['feat(api): add x', { 'require-scope-for': ['feat'] }],
    ['fix: add x', { 'require-scope-for': ['feat'] }],
    ['feat: add x', { 'subject-pattern': '^[a-z]' }],
    ['anything: goes here', { types: [] }],
    ['Revert "feat: add model card checks"', {}],
  ] as [string, Partial<TitleConventionalOptions>][])('passes %j with %j', (title, patch) => {
    const result = check(title, patch);
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
  });

  it('explains a title that is not a Conventional Commit, listing the allowed types', () => {
    const { status, findings } = check('Add stuff');
    expect(status).toBe('fail');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: 'style', rule: 'title-conventional', severity: 'error', commit: null, path: null,
      message: "PR title 'Add stuff' is not a Conventional Commit: expected 'type(scope): subject' with type one of feat, fix, docs",
    });
    expect(findings[0]!.hint).toContain("'feat: add stuff'");
  });

  it.each([
    ['feature: add stuff', {}, "type 'feature' is not allowed: use type one of feat, fix, docs", "'feat: add stuff'"],
    ['chore: tidy', {}, "type 'chore' is not allowed", "'feat: tidy'"],
    ['Fix crash on load', {}, "expected 'type(scope): subject'", "'fix: crash on load'"],
    ['[WIP] docs: explain config', {}, "expected 'type(scope): subject'", "'docs: explain config'"],
    ['feat(ui): add x', { scopes: ['api', 'core'] }, "scope 'ui' is not one of api or core", "'feat(api): add x'"],
    ['feat: add x', { 'require-scope-for': ['feat'], scopes: ['api'] }, 'type feat needs a scope', "'feat(api): add x'"],
    ['feat: add x', { 'require-scope-for': ['feat'] }, 'type feat needs a scope', "'feat(scope): add x'"],
    ['feat: 1 thing', { 'subject-pattern': '^[a-z]' }, "subject '1 thing' must match ^[a-z]", null],
    ['feat: Add stuff', {}, "subject 'Add stuff' must start in lower case", "'feat: add stuff'"],
    ['fix: end with a dot.', {}, 'subject must not end with a full stop', "'fix: end with a dot'"],
    ['feat: ' + 'x'.repeat(40), { 'header-max-length': 30 }, 'header must not be longer than 30 characters', null],
    ['feat:', {}, 'expected', null],
    ['FEAT: shout', {}, "type 'FEAT' must be lower-case", "'feat: shout'"],
  ] as [string, Partial<TitleConventionalOptions>, string, string | null][])(
    'explains %j (%j)', (title, patch, reason, example) => {
      const { status, findings } = check(title, patch);
      expect(status).toBe('fail');
      expect(findings[0]!.message).toContain(reason);
      if (example) expect(findings[0]!.hint).toContain(example);
      else expect(findings[0]!.hint).toMatch(/Edit the title/);
    },
  );

  it('reports an invalid subject-pattern as a configuration problem, not a crash', () => {
    const { status, findings } = check('feat: add x', { 'subject-pattern': '([' });
    expect(status).toBe('fail');
    expect(findings[0]!.message).toMatch(/title-conventional rule cannot run: subject-pattern '\(\[' is not a valid regular expression/);
    expect(findings[0]!.hint).toContain('.github/steward.yml');
  });

  it('does not apply commitlint default ignores to titles: a fixup! title would land as is', () => {
    expect(check('fixup! feat: add x').status).toBe('fail');
    expect(check('Merge branch main into feat/x').status).toBe('fail');
  });

  it('handles an empty title, non-ASCII subjects and very long titles', () => {
    expect(check('').findings[0]!.message).toBe("The PR title is empty; expected 'type(scope): subject' with type one of feat, fix, docs");
    expect(check('feat(api)!: Drop v1').findings[0]!.hint).toContain("'feat(api)!: drop v1'");
    expect(check('feat: prise en charge des modèles 日本語').status).toBe('pass');
    const long = check('Add ' + 'y'.repeat(500));
    expect(long.findings[0]!.message.length).toBeLessThan(300);
  });

  it('uses the rule severity on findings', () => {
    const { findings } = check('Add stuff', { severity: 'warning' });
    expect(findings[0]!.severity).toBe('warning');
  });
});
