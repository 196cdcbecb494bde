import { describe, it, expect } from '@jest/globals';
import { checkCommitSignoff } from '../../../src/engines/style/rules/commit-signoff.js';
import type { CommitSignoffOptions } from '../../../src/config/types.js';
import type { Commit } from '../../../src/engines/pull-request.js';
import { ADA, GRACE, RENOVATE, buildCommit, buildPerson, signedOff } from './build-pr.js';
import { buildStyleInput, ruleOptions, type InputOverrides } from './build-config.js';

function check(commits: Commit[], patch: Partial<CommitSignoffOptions> = {}, overrides: InputOverrides = {}) {
  return checkCommitSignoff(buildStyleInput({ ...overrides, pr: { ...overrides.pr, commits } }), ruleOptions('commit-signoff', patch));
}

const short = (c: Commit) => c.sha.slice(0, 7);

describe('commit-signoff', () => {
  it.each([
    ['exact author sign-off', signedOff('feat: x')],
    ['case and spacing differ', 'feat: x\n\nsigned-off-by:   ada lovelace   <ADA@Example.ORG>  '],
    ['windows line endings', 'feat: x\r\n\r\nSigned-off-by: Ada Lovelace <ada@example.org>\r\n'],
    ['several trailers, one matches', 'feat: x\n\nSigned-off-by: Someone <s@example.org>\nSigned-off-by: Ada Lovelace <ada@example.org>'],
  ])('passes with %s', (_label, message) => {
    expect(check([buildCommit({ message })]).status).toBe('pass');
  });

  it('accepts the committer identity (e.g. a maintainer applying a patch)', () => {
    const commit = buildCommit({ author: ADA, committer: GRACE, message: signedOff('feat: x', GRACE) });
    expect(check([commit]).status).toBe('pass');
  });

  it('reports a missing sign-off with the SPEC wording and a per-author fix', () => {
    const commits = [buildCommit({ message: 'feat: a' }), buildCommit({ message: signedOff('feat: b') }), buildCommit({ message: 'feat: c' })];
    const result = check(commits);
    expect(result.status).toBe('fail');
    expect(result.details).toBe('3 commits checked; 2 without a matching sign-off');
    expect(result.findings.map((f) => f.message)).toEqual([
      `Commit ${short(commits[0]!)} has no Signed-off-by line for Ada Lovelace <ada@example.org>`,
      `Commit ${short(commits[2]!)} has no Signed-off-by line for Ada Lovelace <ada@example.org>`,
    ]);
    expect(result.findings.map((f) => f.commit)).toEqual([commits[0]!.sha, commits[2]!.sha]);
    const hint = result.findings[0]!.hint!;
    expect(hint).toContain('git rebase --signoff HEAD~3 && git push --force-with-lease');
    expect(hint).toContain("The trailer must read exactly 'Signed-off-by: Ada Lovelace <ada@example.org>'");
    expect(hint).not.toContain('--amend');
  });

  it('offers the amend fix when the only failing commit of an author is the last one', () => {
    const commits = [buildCommit({ message: signedOff('feat: a') }), buildCommit({ message: 'feat: b' })];
    const hint = check(commits).findings[0]!.hint!;
    expect(hint).toContain('git commit --amend --signoff --no-edit && git push --force-with-lease');
    expect(hint).toContain('git rebase --signoff HEAD~2');
  });

  it('gives each author their own identity in the hint', () => {
    const commits = [buildCommit({ message: 'feat: a' }), buildCommit({ author: GRACE, message: 'feat: b' })];
    const [ada, grace] = check(commits).findings;
    expect(ada!.hint).toContain("'Signed-off-by: Ada Lovelace <ada@example.org>'");
    expect(grace!.hint).toContain("'Signed-off-by: Grace Hopper <grace@example.org>'");
    expect(grace!.message).toContain('Grace Hopper <grace@example.org>');
  });

  it('says which identity was found and which was expected', () => {
    const commit = buildCommit({ message: signedOff('feat: x', { name: 'Ada L', email: 'ada@old.example.org' }) });
    const [finding] = check([commit]).findings;
    expect(finding!.message).toBe(
      `Commit ${short(commit)} is signed off as 'Signed-off-by: Ada L <ada@old.example.org>', not by its author Ada Lovelace <ada@example.org>`,
    );
  });

  it('names the committer too when it differs from the author', () => {
    const commit = buildCommit({ committer: GRACE, message: signedOff('feat: x', { name: 'X', email: 'x@example.org' }) });
    expect(check([commit]).findings[0]!.message).toContain('or its committer Grace Hopper <grace@example.org>');
  });

  it('requires name and email to match: the right email with another name fails', () => {
    const commit = buildCommit({ message: signedOff('feat: x', { name: 'Someone Else', email: 'ada@example.org' }) });
    expect(check([commit]).status).toBe('fail');
  });

  it('reports a sign-off line without an email', () => {
    const commit = buildCommit({ message: 'feat: x\n\nSigned-off-by: Ada Lovelace' });
    expect(check([commit]).findings[0]!.message).toContain("has a Signed-off-by line without 'Name <email>' ('Signed-off-by: Ada Lovelace')");
  });

  it('skips merge commits and bot commits, and counts them', () => {
    const commits = [
      buildCommit({ message: "Merge branch 'main' into feat/x", parentCount: 2 }),
      buildCommit({ author: RENOVATE, message: 'chore(deps): bump x' }),
      buildCommit({ message: signedOff('feat: a') }),
    ];
    expect(check(commits)).toEqual({ status: 'pass', details: '1 commit checked; 1 merge commit, 1 bot commit skipped', findings: [] });
  });

  it('uses origin/<base> in the rebase hint when the range has merge commits', () => {
    const commits = [buildCommit({ message: 'Merge main', parentCount: 2 }), buildCommit({ message: 'feat: a' })];
    expect(check(commits).findings[0]!.hint).toContain('git rebase --signoff origin/main');
  });

  describe('skip-verified-members', () => {
    const verified = (login: string, isVerified: boolean | null) =>
      buildCommit({ author: buildPerson({ login }), verified: isVerified, message: 'feat: unsigned' });

    it.each([
      ['verified member commit', true, 'ada', ['ada'], 'skipped'],
      ['member login in another case', true, 'ADA', ['ada'], 'skipped'],
      ['unverified member commit', false, 'ada', ['ada'], 'checked'],
      ['verification unknown', null, 'ada', ['ada'], 'checked'],
      ['verified non-member', true, 'ada', ['grace'], 'checked'],
    ] as const)('%s', (_label, isVerified, login, members, expected) => {
      const result = check([verified(login, isVerified)], { 'skip-verified-members': true }, { orgMembers: [...members] });
      expect(result.status).toBe(expected === 'skipped' ? 'pass' : 'fail');
      if (expected === 'skipped') expect(result.details).toContain('1 verified member commit skipped');
    });

    it('is off unless configured', () => {
      expect(check([verified('ada', true)], {}, { orgMembers: ['ada'] }).status).toBe('fail');
    });
  });

  it('stays linear on 10,000 failing commits', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => buildCommit({ message: `feat: change ${i}` }));
    const started = performance.now();
    const result = check(many);
    expect(result.findings).toHaveLength(10_000);
    expect(result.findings[0]!.hint).toContain('HEAD~10000');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
