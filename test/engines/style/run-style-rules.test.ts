import { describe, it, expect } from '@jest/globals';
import { runStyleRules } from '../../../src/engines/style/run-style-rules.js';
import { STYLE_RULE_IDS, type StyleRuleId } from '../../../src/config/types.js';
import { DEFAULT_CONFIG } from '../../../src/config/defaults.js';
import type { StyleResult, Waiver } from '../../../src/engines/style/types.js';
import { RENOVATE, buildCommit, buildFile, buildPullRequest } from './build-pr.js';
import { buildStyleInput, type InputOverrides } from './build-config.js';

const run = (overrides: InputOverrides = {}) => runStyleRules(buildStyleInput(overrides));
const outcomeOf = (result: StyleResult, rule: StyleRuleId) => result.outcomes.find((o) => o.rule === rule)!;
const waiver = (rule: StyleRuleId, at = '2026-01-01T00:00:00Z', reason = 'vendored release'): Waiver => ({ rule, by: 'maintainer', reason, at });

describe('runStyleRules', () => {
  it('runs every rule in order on a tidy pull request and succeeds', () => {
    const result = run();
    expect(result.outcomes.map((o) => o.rule)).toEqual(STYLE_RULE_IDS);
    expect(result.outcomes.map((o) => o.status)).toEqual(STYLE_RULE_IDS.map(() => 'pass'));
    expect(result.findings).toEqual([]);
    expect(result.conclusion).toBe('success');
    for (const outcome of result.outcomes) expect(outcome.details).not.toBe('');
    expect(outcomeOf(result, 'commit-conventional').details).toBe('1 commit checked');
  });

  it('fails on an error finding and succeeds with warnings and notices only', () => {
    expect(run({ pr: { title: 'Add stuff' } }).conclusion).toBe('failure');
    const warnOnly = run({ pr: { headRef: 'patch-1' } });
    expect(warnOnly.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(warnOnly.conclusion).toBe('success');
  });

  it('gives findings the rule severity, check style, in rule order', () => {
    const result = run({ pr: { title: 'Add stuff', headRef: 'x', labels: [] } });
    expect(result.findings.map((f) => [f.rule, f.severity, f.check])).toEqual([
      ['title-conventional', 'error', 'style'], ['branch-name', 'warning', 'style'], ['labels', 'error', 'style'],
    ]);
  });

  it('turns a rule off with severity off', () => {
    const result = run({ pr: { title: 'Add stuff' }, rules: { 'title-conventional': { severity: 'off' } } });
    expect(outcomeOf(result, 'title-conventional')).toEqual({ rule: 'title-conventional', status: 'off', severity: 'off', details: 'off', findings: [] });
    expect(result.conclusion).toBe('success');
  });

  describe('scoping', () => {
    const bot = { author: { login: 'renovate[bot]', type: 'Bot' as const }, body: '', commits: [buildCommit({ author: RENOVATE, message: 'chore(deps): bump' })] };

    it('exempts bots from commit-signoff and body-sections by default, saying why', () => {
      const result = run({ pr: { ...bot, commits: [buildCommit({ message: 'feat: unsigned' })] } });
      expect(outcomeOf(result, 'commit-signoff')).toMatchObject({ status: 'skipped', details: 'author renovate[bot] is a Bot' });
      expect(outcomeOf(result, 'body-sections')).toMatchObject({ status: 'skipped', details: 'author renovate[bot] is a Bot' });
      expect(outcomeOf(result, 'title-conventional').status).toBe('pass');
    });

    it('checks bots only when the rule sets its own author-types', () => {
      const result = run({ pr: bot, rules: { 'body-sections': { except: { 'author-types': [] } } } });
      expect(outcomeOf(result, 'body-sections').status).toBe('fail');
      const labelled = run({ pr: { ...bot, labels: ['model', 'skip-sign'] }, rules: { 'commit-signoff': { except: { labels: ['skip-sign'] } } } });
      // An except without author-types keeps the bot default: it adds criteria, it does not replace it.
      expect(outcomeOf(labelled, 'commit-signoff')).toMatchObject({ status: 'skipped', details: 'author renovate[bot] is a Bot' });
      const included = run({ pr: bot, rules: { 'commit-signoff': { except: { 'author-types': [] } } } });
      expect(outcomeOf(included, 'commit-signoff').status).toBe('pass');
    });

    it.each([
      ['section except by label', { section: { except: { labels: ['skip-style'] } }, pr: { labels: ['model', 'Skip-Style'] } }, 'label Skip-Style'],
      ['section except by author, any case', { section: { except: { authors: ['ADA'] } } }, 'author ada is excepted'],
      ['author type', { section: { except: { 'author-types': ['bot'] } }, pr: { author: { login: 'dependabot[bot]', type: 'Bot' as const } } }, 'author dependabot[bot] is a Bot'],
      ['association', { section: { except: { 'author-associations': ['first_time_contributor'] } }, pr: { author: { association: 'FIRST_TIME_CONTRIBUTOR' as const } } }, 'author ada is a first_time_contributor of the repository'],
      ['base branch glob', { section: { except: { 'base-branches': ['release/*'] } }, pr: { baseRef: 'release/1.0' } }, 'base branch release/1.0 is excepted'],
      ['every file excepted', { section: { except: { paths: ['docs/**'] } }, pr: { files: [buildFile('docs/a.md')] } }, 'every changed file matches except.paths'],
      ['only authors', { section: { except: {}, only: { authors: ['grace'] } } }, 'author ada is not in only.authors'],
      ['only author types', { section: { except: {}, only: { 'author-types': ['Bot'] } } }, 'author ada is a User, not Bot'],
      ['only associations', { section: { except: {}, only: { 'author-associations': ['MEMBER'] } } }, 'author association CONTRIBUTOR is not in only.author-associations'],
      ['only labels', { section: { except: {}, only: { labels: ['style', 'strict'] } } }, 'none of the labels style or strict is set'],
      ['only base branches', { section: { except: {}, only: { 'base-branches': ['release/**'] } } }, 'base branch main does not match only.base-branches'],
      ['only paths', { section: { except: {}, only: { paths: ['models/**'] } } }, 'no changed file matches only.paths'],
    ] as [string, InputOverrides, string][])('skips non-file rules: %s', (_label, overrides, reason) => {
      const outcome = outcomeOf(run({ ...overrides, pr: { title: 'Add stuff', ...overrides.pr } }), 'title-conventional');
      expect(outcome).toMatchObject({ status: 'skipped', details: reason, findings: [] });
    });

    it('runs when every only key matches (any value within a key)', () => {
      const section = { except: {}, only: { authors: ['grace', 'ada'], labels: ['model'], 'base-branches': ['main'], paths: ['src/**'] } };
      expect(outcomeOf(run({ section, pr: { title: 'Add stuff' } }), 'title-conventional').status).toBe('fail');
    });

    it('runs non-file rules when only some files are excepted, and treats empty lists as no criterion', () => {
      const pr = { title: 'Add stuff', files: [buildFile('docs/a.md'), buildFile('src/a.ts')] };
      expect(outcomeOf(run({ section: { except: { paths: ['docs/**'] } }, pr }), 'title-conventional').status).toBe('fail');
      const empty = { except: { authors: [], labels: [], paths: [], 'base-branches': [] }, only: { labels: [], authors: [] } };
      expect(outcomeOf(run({ section: empty, pr }), 'title-conventional').status).toBe('fail');
    });

    it('applies rule-level except and only on top of the section', () => {
      const result = run({ pr: { title: 'Add stuff', labels: ['model', 'legacy'], headRef: 'x' }, rules: {
        'title-conventional': { except: { labels: ['legacy'] } }, 'branch-name': { only: { 'base-branches': ['develop'] } },
      } });
      expect(outcomeOf(result, 'title-conventional')).toMatchObject({ status: 'skipped', details: 'label legacy' });
      expect(outcomeOf(result, 'branch-name')).toMatchObject({ status: 'skipped', details: 'base branch main does not match only.base-branches' });
    });

    it('filters the files of file rules instead of skipping them', () => {
      const files = [buildFile('vendor/key.pem'), buildFile('certs/key.pem'), buildFile('certs/huge.bin', { size: 9e6 })];
      const result = run({ pr: { files }, section: { except: { paths: ['vendor/**'] } }, rules: { 'large-files': { only: { paths: ['models/**'] } } } });
      expect(outcomeOf(result, 'forbidden-paths').findings.map((f) => f.path)).toEqual(['certs/key.pem']);
      expect(outcomeOf(result, 'large-files')).toMatchObject({ status: 'pass', details: '0 files checked (limit 5 MB)' });
      expect(outcomeOf(result, 'pr-size').details).toBe('2 files (limit 50) and 24 lines (limit 1000)');
    });
  });

  describe('waivers', () => {
    it('keeps the findings on record, drops them from the result and names who and why', () => {
      const result = run({ pr: { title: 'Add stuff' }, waivers: [waiver('title-conventional')] });
      const outcome = outcomeOf(result, 'title-conventional');
      expect(outcome.status).toBe('waived');
      expect(outcome.findings).toHaveLength(1);
      expect(outcome.waiver).toEqual(waiver('title-conventional'));
      expect(outcome.details).toBe('waived by @maintainer: vendored release (title is not a Conventional Commit)');
      expect(result.findings).toEqual([]);
      expect(result.conclusion).toBe('success');
    });

    it('uses the latest waiver and leaves passing or other rules alone', () => {
      const result = run({ pr: { title: 'Add stuff' }, waivers: [waiver('title-conventional', '2026-02-01T00:00:00Z', 'newer'), waiver('title-conventional', '2026-01-01T00:00:00Z', 'older'), waiver('labels')] });
      expect(outcomeOf(result, 'title-conventional').details).toContain('newer');
      expect(outcomeOf(result, 'labels')).toMatchObject({ status: 'pass' });
      expect(outcomeOf(result, 'labels').waiver).toBeUndefined();
    });
  });

  describe('drafts', () => {
    it('makes the conclusion neutral, even with errors', () => {
      const result = run({ pr: { draft: true, title: 'Add stuff' } });
      expect(outcomeOf(result, 'draft').findings[0]!.message).toBe('This pull request is a draft');
      expect(result.conclusion).toBe('neutral');
    });

    it('keeps the usual conclusion when neutral is false, the rule is off or waived', () => {
      expect(run({ pr: { draft: true, title: 'Add stuff' }, rules: { draft: { neutral: false } } }).conclusion).toBe('failure');
      expect(run({ pr: { draft: true }, rules: { draft: { severity: 'off' } } }).conclusion).toBe('success');
      expect(run({ pr: { draft: true, title: 'Add stuff' }, waivers: [waiver('draft')] }).conclusion).toBe('failure');
    });

    it('fails a draft when the draft rule itself is an error and not neutral', () => {
      expect(run({ pr: { draft: true }, rules: { draft: { severity: 'error', neutral: false } } }).conclusion).toBe('failure');
    });
  });

  describe('truncation', () => {
    const commitsCut = { commits: { seen: 250, total: 312, reason: 'GitHub returns at most 250 commits per pull request' } };
    const filesCut = { files: { seen: 3000, total: 3400, reason: "GitHub's 3,000-file cap" } };

    it('never lets commit rules pass silently on commits it did not read', () => {
      const result = run({ pr: { truncated: commitsCut } });
      for (const rule of ['commit-conventional', 'commit-signoff'] as const) {
        const outcome = outcomeOf(result, rule);
        expect(outcome.status).toBe('incomplete');
        expect(outcome.details).toBe(`${rule === 'commit-signoff' ? '1 commit checked' : '1 commit checked'}; 62 of 312 commits not read`);
        expect(outcome.findings.at(-1)).toMatchObject({
          severity: 'error',
          message: 'Steward read 250 of 312 commits (GitHub returns at most 250 commits per pull request); 62 commits were not checked',
        });
      }
      expect(result.conclusion).toBe('failure');
      expect(outcomeOf(result, 'pr-size').status).toBe('pass');
    });

    it('marks file rules incomplete when files were cut, at each rule severity', () => {
      const result = run({ pr: { truncated: filesCut } });
      expect(['pr-size', 'forbidden-paths', 'large-files'].map((r) => outcomeOf(result, r as StyleRuleId).status)).toEqual(['incomplete', 'incomplete', 'incomplete']);
      expect(outcomeOf(result, 'pr-size').findings[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('Steward read 3,000 of 3,400 files') });
      expect(outcomeOf(result, 'title-conventional').status).toBe('pass');
    });

    it('keeps a squash-skipped commit rule skipped, and an off rule off', () => {
      const repository = { squashMergeAllowed: true, mergeCommitAllowed: false, rebaseMergeAllowed: false, squashMergeCommitTitle: 'PR_TITLE' as const };
      const result = run({ pr: { truncated: commitsCut, repository }, rules: { 'commit-signoff': { severity: 'off' } } });
      expect(outcomeOf(result, 'commit-conventional').status).toBe('skipped');
      expect(outcomeOf(result, 'commit-signoff').status).toBe('off');
    });

    it('lets a waiver cover an incomplete rule', () => {
      expect(outcomeOf(run({ pr: { truncated: commitsCut }, waivers: [waiver('commit-signoff')] }), 'commit-signoff').status).toBe('waived');
    });
  });

  it('reports a crashing rule as incomplete instead of throwing', () => {
    const pr = buildPullRequest();
    const hostile = { ...pr, labels: null as unknown as string[] };
    const result = runStyleRules({ ...buildStyleInput(), pr: hostile });
    expect(outcomeOf(result, 'labels')).toMatchObject({ status: 'incomplete', findings: [expect.objectContaining({ message: expect.stringContaining('The labels rule failed unexpectedly') })] });
    expect(result.conclusion).toBe('failure');
  });

  it('works with the built-in defaults on odd input', () => {
    const pr = buildPullRequest({
      title: '', body: '', commits: [buildCommit({ message: '' }), buildCommit({ message: 'x'.repeat(10_000) }), buildCommit({ message: 'fix: ok\r\n\r\nSigned-off-by: Ada Lovelace <ada@example.org>' })],
      files: [], gitattributes: '\u0000\uFFFD garbage\n* linguist-generated',
    });
    const result = runStyleRules({ pr, config: DEFAULT_CONFIG.style, waivers: [], orgMembers: new Set() });
    expect(result.outcomes).toHaveLength(STYLE_RULE_IDS.length);
    expect(outcomeOf(result, 'title-conventional').findings[0]!.message).toContain('The PR title is empty');
    expect(outcomeOf(result, 'commit-conventional').findings).toHaveLength(2);
    expect(result.conclusion).toBe('failure');
  });

  it('checks 10,000 commits and 3,000 files in well under a few seconds', () => {
    const commits = Array.from({ length: 10_000 }, (_, i) => buildCommit({ message: `feat: change ${i}\n\nSigned-off-by: Ada Lovelace <ada@example.org>` }));
    const files = Array.from({ length: 3_000 }, (_, i) => buildFile(`src/m${i}/file.ts`, { additions: 1, deletions: 0 }));
    const started = performance.now();
    const result = run({ pr: { commits, files }, section: { except: { paths: ['vendor/**'] } }, rules: { 'pr-size': { 'max-files': 5000, 'max-lines': 5000 } } });
    expect(performance.now() - started).toBeLessThan(4000);
    expect(result.conclusion).toBe('success');
    expect(outcomeOf(result, 'commit-signoff').details).toBe('10,000 commits checked');
  });

  it('does not mutate its input', () => {
    const input = buildStyleInput({ pr: { files: [buildFile('vendor/a.pem')] }, section: { except: { paths: ['vendor/**'] } } });
    const snapshot = JSON.stringify({ ...input, orgMembers: [...input.orgMembers] });
    runStyleRules(input);
    expect(JSON.stringify({ ...input, orgMembers: [...input.orgMembers] })).toBe(snapshot);
  });
});

describe('runStyleRules without pull-request metadata (a local range, a push)', () => {
  const outcome = (result: StyleResult, rule: StyleRuleId) => result.outcomes.find((o) => o.rule === rule)!;

  it.each([
    ['title', ['title-conventional'], '--title'],
    ['body', ['body-sections', 'linked-issue'], '--body-file'],
    ['labels', ['labels'], '--label'],
  ] as const)('skips the rules that read the %s, saying how to supply it', (field, rules, flag) => {
    const known = { title: true, body: true, labels: true, [field]: false };
    // Data that would fail each of those rules, so a skip is the only way to a clean result.
    const result = run({ pr: { known, title: 'Update stuff', body: '', labels: [], linkedIssues: null } });
    for (const rule of rules) {
      expect(outcome(result, rule)).toMatchObject({ status: 'skipped', findings: [] });
      expect(outcome(result, rule).details).toContain(flag);
    }
    expect(result.findings.map((f) => f.rule).filter((r) => (rules as readonly string[]).includes(r))).toEqual([]);
  });

  it('still checks commits and files when nothing of the pull request is known', () => {
    const result = run({ pr: { known: { title: false, body: false, labels: false }, files: [buildFile('secrets/a.pem')] } });
    expect(outcome(result, 'forbidden-paths').status).toBe('fail');
    expect(outcome(result, 'commit-signoff').status).toBe('pass');
  });
});
