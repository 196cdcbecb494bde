import { describe, it, expect } from '@jest/globals';
import { checkBranchName } from '../../../src/engines/style/rules/branch-name.js';
import { checkLabels } from '../../../src/engines/style/rules/labels.js';
import { checkLinkedIssue, findClosingReference } from '../../../src/engines/style/rules/linked-issue.js';
import { checkDraft } from '../../../src/engines/style/rules/draft.js';
import type { StyleRules } from '../../../src/config/types.js';
import { buildStyleInput, ruleOptions, type InputOverrides } from './build-config.js';

function run<K extends 'branch-name' | 'labels' | 'linked-issue' | 'draft'>(rule: K, pr: InputOverrides['pr'], patch: Partial<StyleRules[K]> = {}) {
  const checks = { 'branch-name': checkBranchName, labels: checkLabels, 'linked-issue': checkLinkedIssue, draft: checkDraft } as const;
  const check = checks[rule] as (input: ReturnType<typeof buildStyleInput>, options: StyleRules[K]) => ReturnType<typeof checkDraft>;
  return check(buildStyleInput({ pr }), ruleOptions(rule, patch));
}

describe('branch-name', () => {
  it.each(['feat/model-cards', 'fix/a.b_c-1', 'docs/x'])('passes %s', (headRef) => {
    expect(run('branch-name', { headRef }).status).toBe('pass');
  });

  it.each(['main', 'Feature/x', 'feat/UPPER', 'patch-1', 'feat/ümlaut'])('reports %s with the pattern', (headRef) => {
    const { findings } = run('branch-name', { headRef });
    expect(findings).toEqual([expect.objectContaining({
      rule: 'branch-name', severity: 'warning',
      message: `Branch '${headRef}' does not match the pattern ^(feat|fix|docs|chore)/[a-z0-9._-]+$`,
    })]);
    expect(findings[0]!.hint).toContain('Rename the branch');
  });

  it('supports unicode property patterns and reports invalid ones', () => {
    expect(run('branch-name', { headRef: 'feat/ümlaut' }, { pattern: '^feat/\\p{L}+$' }).status).toBe('pass');
    expect(run('branch-name', { headRef: 'x' }, { pattern: '(' }).findings[0]!.message).toMatch(/branch-name rule cannot run: pattern '\(' is not a valid regular expression/);
  });
});

describe('labels', () => {
  it.each([
    [['model'], 'pass'], [['Docs'], 'pass'], [['infra', 'other'], 'pass'],
  ] as const)('passes with %j', (labels, status) => {
    expect(run('labels', { labels: [...labels] }).status).toBe(status);
  });

  it('asks for one of the required labels', () => {
    const { findings, details } = run('labels', { labels: ['other'] });
    expect(details).toBe('labels: other');
    expect(findings.map((f) => f.message)).toEqual(['This pull request needs one of the labels model, docs or infra']);
  });

  it('reports each forbidden label present, in any case', () => {
    const { findings } = run('labels', { labels: ['model', 'DO-NOT-MERGE', 'wip'] }, { forbidden: ['do-not-merge', 'wip', 'blocked'] });
    expect(findings.map((f) => f.message)).toEqual(["The label 'DO-NOT-MERGE' blocks this pull request", "The label 'wip' blocks this pull request"]);
  });

  it('does nothing with empty lists', () => {
    expect(run('labels', { labels: [] }, { 'required-one-of': [], forbidden: [] })).toEqual({ status: 'pass', details: 'no labels', findings: [] });
  });
});

describe('linked-issue', () => {
  it.each([
    'Fixes #12', 'closes #1', 'RESOLVED #3', 'Fix: #4', 'This fixes octo-org/octo-repo#100.',
    'resolves https://github.com/octo-org/octo-repo/issues/7', 'Closes #12\r\n', '…and it fixes #9 😀',
  ])('finds a closing reference in %j', (body) => {
    expect(findClosingReference(body, [])).not.toBeNull();
    expect(run('linked-issue', { body, linkedIssues: 0 }).status).toBe('pass');
  });

  it.each([
    'Relates to #12', 'prefixes #12', 'fixes 12', '<!-- Fixes #123 -->', 'fixes https://github.com/o/r/pull/3', '',
  ])('finds no closing reference in %j', (body) => {
    expect(findClosingReference(body, [])).toBeNull();
  });

  it('passes on a GitHub-linked issue whatever the body says', () => {
    expect(run('linked-issue', { body: '', linkedIssues: 2 })).toEqual({ status: 'pass', details: 'linked to 2 issues', findings: [] });
  });

  it('reports a missing link and how to add one', () => {
    const { findings } = run('linked-issue', { body: 'No reference', linkedIssues: 0 });
    expect(findings[0]!.message).toBe('This pull request does not link an issue');
    expect(findings[0]!.hint).toContain("'Fixes #123'");
  });

  it('still reports when linked issues are unknown (local runs), and says why', () => {
    const { findings } = run('linked-issue', { body: 'none', linkedIssues: null });
    expect(findings[0]!.message).toBe('This pull request does not link an issue (Steward cannot see issues linked from the sidebar here)');
  });

  it('uses configured keywords instead of the default ones', () => {
    expect(run('linked-issue', { body: 'Implements #4', linkedIssues: 0 }, { keywords: ['implements'] }).status).toBe('pass');
    expect(run('linked-issue', { body: 'Fixes #4', linkedIssues: 0 }, { keywords: ['implements'] }).status).toBe('fail');
    expect(run('linked-issue', { body: 'x (#4', linkedIssues: 0 }, { keywords: ['(x'] }).status).toBe('fail');
  });

  it('scans a 10,000-character body quickly', () => {
    const body = 'fixes '.repeat(2_000) + 'x';
    const started = performance.now();
    expect(run('linked-issue', { body, linkedIssues: 0 }).status).toBe('fail');
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('draft', () => {
  it('passes a ready pull request', () => {
    expect(run('draft', { draft: false })).toEqual({ status: 'pass', details: 'ready for review', findings: [] });
  });

  it('reports a draft at the rule severity', () => {
    const { findings, details } = run('draft', { draft: true }, { severity: 'warning' });
    expect(details).toBe('draft: the check is neutral until it is ready for review');
    expect(findings).toEqual([expect.objectContaining({ rule: 'draft', severity: 'warning', message: 'This pull request is a draft' })]);
  });
});
