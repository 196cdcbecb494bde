import { describe, it, expect } from '@jest/globals';
import { checkCommitConventional, SQUASH_SKIP } from '../../../src/engines/style/rules/commit-conventional.js';
import type { CommitConventionalOptions } from '../../../src/config/types.js';
import type { RepositorySettings } from '../../../src/engines/pull-request.js';
import { buildCommit } from './build-pr.js';
import { buildStyleInput, ruleOptions, type InputOverrides } from './build-config.js';

const commits = (...messages: string[]) => messages.map((message) => buildCommit({ message }));

function check(overrides: InputOverrides, patch: Partial<CommitConventionalOptions> = {}) {
  const input = buildStyleInput(overrides);
  return checkCommitConventional(input, ruleOptions('commit-conventional', patch));
}

const SQUASH_ONLY: Partial<RepositorySettings> = { squashMergeAllowed: true, mergeCommitAllowed: false, rebaseMergeAllowed: false };

describe('commit-conventional', () => {
  it('passes conventional commits and says how many were checked', () => {
    const result = check({ pr: { commits: commits('feat: a', 'fix(api): b', 'docs: c\r\n\r\nwindows body\r\n') } });
    expect(result).toEqual({ status: 'pass', details: '3 commits checked', findings: [] });
  });

  it('reports one finding per bad commit, with the full sha and the short sha and header in the message', () => {
    const pr = { commits: commits('feat: fine', 'Add stuff', 'fix: Capitalised') };
    const result = check({ pr });
    expect(result.status).toBe('fail');
    expect(result.details).toBe('3 commits checked, 2 not conventional');
    const [bad1, bad2] = [pr.commits[1]!, pr.commits[2]!];
    expect(result.findings.map((f) => f.commit)).toEqual([bad1.sha, bad2.sha]);
    expect(result.findings[0]!.message).toBe(
      `Commit ${bad1.sha.slice(0, 7)} 'Add stuff' is not a Conventional Commit: expected 'type(scope): subject' with type one of feat, fix, docs`,
    );
    expect(result.findings[0]!.hint).toContain("'feat: add stuff'");
    expect(result.findings[0]!.hint).toContain('git rebase -i HEAD~3');
    expect(result.findings[1]!.hint).toContain('git commit --amend (last commit only)');
    expect(result.findings[1]).toMatchObject({ rule: 'commit-conventional', severity: 'error', check: 'style', path: null });
  });

  it('skips what commitlint ignores by default, and counts it', () => {
    const result = check({ pr: { commits: commits('Merge branch \'main\' into feat/x', 'Revert "feat: a"\n\nThis reverts commit abc.', 'fixup! feat: a', 'squash! feat: a', 'amend! feat: a', '1.2.3', 'Automatic merge from release') } });
    expect(result.status).toBe('pass');
    expect(result.details).toBe('7 commits checked, 7 ignored (merge, revert, fixup!, version bump)');
  });

  it('reports an empty message as a finding, never a crash', () => {
    const pr = { commits: [buildCommit({ message: '' }), buildCommit({ message: '  \n ' }), buildCommit({ message: null as unknown as string })] };
    const result = check({ pr });
    expect(result.findings.map((f) => f.message)).toEqual(pr.commits.map((c) => `Commit ${c.sha.slice(0, 7)} has an empty message`));
  });

  it('uses the title rule types when its own types are null, and its own list otherwise', () => {
    expect(check({ pr: { commits: commits('chore: x') } }).status).toBe('fail');
    expect(check({ pr: { commits: commits('chore: x') } }, { types: ['chore'] }).status).toBe('pass');
    expect(check({ pr: { commits: commits('chore: x') }, rules: { 'title-conventional': { types: ['chore'] } } }).status).toBe('pass');
  });

  it('applies header-max-length and body-max-line-length (null turns it off)', () => {
    const longBody = 'feat: bump\n\n' + 'x'.repeat(150);
    expect(check({ pr: { commits: commits('feat: ' + 'y'.repeat(60)) } }, { 'header-max-length': 50 }).findings[0]!.message)
      .toContain('header must not be longer than 50 characters');
    expect(check({ pr: { commits: commits(longBody) } }).findings[0]!.message).toContain("body's lines must not be longer than 100 characters");
    expect(check({ pr: { commits: commits(longBody) } }, { 'body-max-line-length': null }).status).toBe('pass');
  });

  describe('squash-aware', () => {
    const cases: [string, Partial<RepositorySettings>, number, boolean][] = [
      ['squash only, PR title', { ...SQUASH_ONLY, squashMergeCommitTitle: 'PR_TITLE' }, 1, true],
      ['squash only, commit or PR title, several commits', { ...SQUASH_ONLY, squashMergeCommitTitle: 'COMMIT_OR_PR_TITLE' }, 2, true],
      ['squash only, commit or PR title, one commit lands as is', { ...SQUASH_ONLY, squashMergeCommitTitle: 'COMMIT_OR_PR_TITLE' }, 1, false],
      ['squash and merge commits allowed', { ...SQUASH_ONLY, mergeCommitAllowed: true, squashMergeCommitTitle: 'PR_TITLE' }, 2, false],
      ['squash and rebase allowed', { ...SQUASH_ONLY, rebaseMergeAllowed: true, squashMergeCommitTitle: 'PR_TITLE' }, 2, false],
      ['squash title setting unknown', { ...SQUASH_ONLY, squashMergeCommitTitle: null }, 2, false],
    ];
    it.each(cases)('%s', (_label, repository, count, skippedExpected) => {
      const pr = { repository, commits: commits(...Array.from({ length: count }, () => 'Add stuff')) };
      const result = check({ pr });
      if (skippedExpected) expect(result).toEqual({ status: 'skipped', details: SQUASH_SKIP, findings: [] });
      else expect(result.status).toBe('fail');
    });

    it('counts commits past a cap: a truncated one-commit list still means several commits', () => {
      const pr = { repository: { ...SQUASH_ONLY, squashMergeCommitTitle: 'COMMIT_OR_PR_TITLE' as const }, commits: commits('Add stuff'), truncated: { commits: { seen: 1, total: 2, reason: 'test' } } };
      expect(check({ pr }).status).toBe('skipped');
    });

    it('lints the commits anyway when squash-aware is false', () => {
      const pr = { repository: { ...SQUASH_ONLY, squashMergeCommitTitle: 'PR_TITLE' as const }, commits: commits('Add stuff') };
      expect(check({ pr }, { 'squash-aware': false }).status).toBe('fail');
    });

    it('says so when the title rule that should replace it is off', () => {
      const pr = { repository: { ...SQUASH_ONLY, squashMergeCommitTitle: 'PR_TITLE' as const } };
      expect(check({ pr, rules: { 'title-conventional': { severity: 'off' } } }).details).toBe(`${SQUASH_SKIP} (but title-conventional is off)`);
    });
  });

  it('handles non-ASCII and long messages', () => {
    const result = check({ pr: { commits: commits('feat: ajoute la prise en charge 日本語 🚀', 'Ünïcödé header without type') } });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain("'Ünïcödé header without type'");
  });

  it('lints 10,000 commits quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => buildCommit({ message: i % 10 === 0 ? `Bad message ${i}` : `feat: change ${i}\n\nBody line.` }));
    const started = performance.now();
    const result = check({ pr: { commits: many } });
    expect(result.findings).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
