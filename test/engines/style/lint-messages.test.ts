import { describe, it, expect } from '@jest/globals';
import lint from '@commitlint/lint';
import configConventional from '@commitlint/config-conventional';
// @ts-expect-error -- the preset ships no typings
import createPreset from 'conventional-changelog-conventionalcommits';
import { createCommitLinter, PARSER_OPTIONS } from '../../../src/engines/style/lint-messages.js';

const long = 'x'.repeat(120);

/** Varied messages: valid, invalid in each rule, ignored by the defaults, odd encodings. */
const MESSAGES: string[] = [
  'feat: add model registry',
  'fix(api): handle empty payloads',
  'docs: explain the config file',
  'feat!: drop Node 18',
  'feat(api)!: remove v1 endpoints\n\nBREAKING CHANGE: v1 is gone',
  'Add stuff',
  'feature: add stuff',
  'FEAT: shout',
  'feat: Add capitalised subject',
  'feat: ADD UPPER',
  'feat: end with a full stop.',
  'feat:',
  'feat: ',
  ': no type',
  'feat(scope): ' + long,
  ' feat: leading space',
  'feat: trailing space ',
  'feat: body without blank\nbody line',
  'feat: long body line\n\n' + long,
  'feat: long footer\n\nbody\n\nRefs: #1 ' + long,
  'feat: footer without blank\nCloses #12',
  'fix: correct typo\n\nSigned-off-by: Ada Lovelace <ada@example.org>',
  'Merge branch \'main\' into feat/x',
  'Merge pull request #12 from org/branch\n\nfeat: x',
  'Revert "feat: add x"\n\nThis reverts commit 1234567.',
  'revert: feat: add x',
  'fixup! feat: add x',
  'squash! fix: y',
  'amend! fix: y',
  '1.2.3',
  'chore(release): 1.2.3',
  'v2.0.0',
  'chore(release): 1.2.3 [skip ci]',
  'chore: v1.2.3-rc.1+build.5 (ci skip)',
  'chore(deps): bump lodash from 4.17.20 to 4.17.21',
  '1.2',
  ' 1.2.3 ',
  'Automatic merge from CI',
  'Reapply "feat: x"',
  'feat: ümlaut and 日本語 subject',
  'feat: emoji 🚀 rocket',
  'fix: windows line endings\r\n\r\nbody line\r\n',
  'chore(deps): bump lodash from 4.17.20 to 4.17.21\n\nBumps [lodash](https://github.com/lodash/lodash) from 4.17.20 to 4.17.21.\n- [Release notes](https://github.com/lodash/lodash/releases) and a very long line that goes on and on past the limit',
  'feat(a,b): several scopes',
  'feat(a/b): nested scope',
  'WIP',
  'gpg: Signature made',
  '-field-\nfeat: field pattern line',
  'feat: x\n\n# comment line',
  'Feat(API): mixed case type',
  'perf(core): faster path\n\nBREAKING-CHANGE: new api',
];

const referenceOptions = { parserOpts: PARSER_OPTIONS, defaultIgnores: true };

describe('createCommitLinter', () => {
  it('uses the parser options commitlint resolves for config-conventional', () => {
    const preset = (createPreset as (config?: unknown) => { parser: Record<string, unknown> })();
    const { fieldPattern, ...ours } = PARSER_OPTIONS;
    expect(fieldPattern).toBeNull();
    expect(ours).toEqual(preset.parser);
  });

  const linter = createCommitLinter();
  it.each(MESSAGES.map((m) => [JSON.stringify(m).slice(0, 60), m]))('matches @commitlint/lint on %s', async (_label, message) => {
    const expected = await lint(message, configConventional.rules, referenceOptions);
    const actual = linter(message);
    expect(actual.valid).toBe(expected.valid);
    expect(actual.errors.map((e) => e.name)).toEqual(expected.errors.map((e) => e.name));
    expect(actual.warnings.map((e) => e.name)).toEqual(expected.warnings.map((e) => e.name));
  });

  it('matches @commitlint/lint with custom types, scopes and lengths', async () => {
    const custom = createCommitLinter({ types: ['feat', 'fix'], scopes: ['api'], headerMaxLength: 30, bodyMaxLineLength: 50 });
    const rules = {
      ...configConventional.rules,
      'type-enum': [2, 'always', ['feat', 'fix']],
      'scope-enum': [2, 'always', ['api']],
      'header-max-length': [2, 'always', 30],
      'body-max-line-length': [2, 'always', 50],
      'footer-max-line-length': [2, 'always', 50],
    } as const;
    for (const message of MESSAGES) {
      const expected = await lint(message, rules as never, referenceOptions);
      expect([message, custom(message).errors.map((e) => e.name)]).toEqual([message, expected.errors.map((e) => e.name)]);
    }
  });

  it('reports an empty or blank message instead of passing it', () => {
    for (const message of ['', '   ', '\n\n']) {
      expect(linter(message)).toMatchObject({ valid: false, ignored: false, errors: [{ name: 'message-empty' }] });
    }
  });

  it('marks default-ignored messages as ignored and valid', () => {
    for (const message of ['Merge branch \'main\' into x', 'fixup! feat: x', '1.2.3']) {
      expect(linter(message)).toMatchObject({ valid: true, ignored: true });
    }
    const strict = createCommitLinter({ defaultIgnores: false });
    expect(strict('fixup! feat: x').valid).toBe(false);
  });

  it('requires a scope only for the configured types', () => {
    const scoped = createCommitLinter({ requireScopeFor: ['feat'] });
    expect(scoped('feat: x').errors).toEqual([{ name: 'scope-empty', message: 'scope may not be empty for type feat' }]);
    expect(scoped('feat(api): x').valid).toBe(true);
    expect(scoped('fix: x').valid).toBe(true);
  });

  it('checks the subject against subject-pattern and rejects an invalid pattern up front', () => {
    const patterned = createCommitLinter({ subjectPattern: '^[a-z]' });
    expect(patterned('feat: 1 thing').errors.map((e) => e.name)).toEqual(['subject-pattern']);
    expect(patterned('feat: thing').valid).toBe(true);
    expect(() => createCommitLinter({ subjectPattern: '([' })).toThrow(/not a valid regular expression/);
  });

  it('turns body and footer line length off with null', () => {
    const relaxed = createCommitLinter({ bodyMaxLineLength: null });
    expect(relaxed('feat: x\n\n' + long).valid).toBe(true);
    expect(linter('feat: x\n\n' + long).valid).toBe(false);
  });

  it('returns the parsed header parts', () => {
    expect(linter('feat(api)!: drop v1')).toMatchObject({ header: 'feat(api)!: drop v1', type: 'feat', scope: 'api', subject: 'drop v1' });
    expect(linter('Add stuff')).toMatchObject({ header: 'Add stuff', type: null, scope: null, subject: null });
  });
});
