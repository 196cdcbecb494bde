import { describe, expect, it } from '@jest/globals';
import { checkPullRequest, publishCheck, STYLE_CHECK_NAME } from '../../src/workflows/check-pull-request.js';
import { ADA, GRACE, buildCommit, buildFile, buildPullRequest } from '../engines/style/build-pr.js';
import { configFile, createFakePlatform } from './fake-platform.js';

const ref = { owner: 'octo', repo: 'models', number: 7 };

describe('checkPullRequest', () => {
  it('checks a clean pull request on the built-in defaults and plans a passing check', async () => {
    const platform = createFakePlatform({ pr: buildPullRequest() });
    const outcome = await checkPullRequest(platform, ref, { waivers: [] });
    expect(outcome.resolved.sources).toEqual([]);
    expect(outcome.report.summary.errors).toBe(0);
    expect(outcome.plan).toMatchObject({ name: STYLE_CHECK_NAME, conclusion: 'success', headSha: 'h'.repeat(40) });
    expect(outcome.plan.summary).toContain('built-in defaults');
  });

  it('fails the check on a forbidden file from the repository config, annotated on the file', async () => {
    const pr = buildPullRequest({ files: [buildFile('secrets/prod.pem', { status: 'added' })] });
    const platform = createFakePlatform({
      pr,
      config: { repository: configFile('style:\n  rules:\n    forbidden-paths: { severity: error, paths: ["secrets/**"] }\n') },
    });
    const outcome = await checkPullRequest(platform, ref, { waivers: [] });
    expect(outcome.plan.conclusion).toBe('failure');
    expect(outcome.plan.annotations).toEqual([expect.objectContaining({ path: 'secrets/prod.pem', level: 'failure' })]);
    expect(outcome.report.findings.map((f) => f.rule)).toContain('forbidden-paths');
  });

  it('runs no rule when the config is invalid and points at the config line', async () => {
    const platform = createFakePlatform({
      pr: buildPullRequest({ files: [buildFile('secrets/prod.pem')] }),
      config: { repository: configFile('style:\n  rules:\n    pr-size:\n      max-files: fifty\n') },
    });
    const outcome = await checkPullRequest(platform, ref, { waivers: [] });
    expect(outcome.result).toBeNull();
    expect(outcome.plan.conclusion).toBe('failure');
    expect(outcome.report.findings).toEqual([
      expect.objectContaining({ check: 'config', path: '.github/steward.yml', line: 4, severity: 'error' }),
    ]);
    expect(outcome.plan.annotations[0]).toMatchObject({ path: '.github/steward.yml', startLine: 4 });
  });

  it('follows _extends through the reader and lists both files as sources', async () => {
    const platform = createFakePlatform({
      pr: buildPullRequest({ headRef: 'random-branch' }),
      config: { repository: configFile('_extends: octo/.github:base.yml\n') },
      files: { 'octo/.github:base.yml': 'style:\n  rules:\n    branch-name: { severity: error, pattern: "^feat/" }\n' },
    });
    const outcome = await checkPullRequest(platform, ref, { waivers: [] });
    expect(platform.fileReads).toEqual(['octo/.github:base.yml']);
    expect(outcome.resolved.sources).toHaveLength(2);
    expect(outcome.report.findings.map((f) => f.rule)).toEqual(['branch-name']);
  });

  it('asks about org membership once per verified author without a sign-off, only when configured', async () => {
    const unsigned = (author = ADA) => buildCommit({ author, message: 'feat: quick fix', verified: true });
    const pr = buildPullRequest({ commits: [unsigned(), unsigned(), unsigned(GRACE), buildCommit({ author: GRACE, message: 'fix: x', verified: false })] });
    const enabled = 'style:\n  rules:\n    commit-signoff: { severity: error, skip-verified-members: true }\n';
    const platform = createFakePlatform({ pr, config: { repository: configFile(enabled) }, members: ['ada'] });
    const outcome = await checkPullRequest(platform, ref, { waivers: [] });
    expect(platform.memberLookups.sort()).toEqual(['ada', 'grace']);
    const signoff = outcome.report.findings.filter((f) => f.rule === 'commit-signoff');
    expect(signoff.map((f) => f.commit)).toEqual([pr.commits[2]!.sha, pr.commits[3]!.sha]);

    const off = createFakePlatform({ pr, config: { repository: configFile('style:\n  rules:\n    commit-signoff: { severity: error }\n') } });
    await checkPullRequest(off, ref, { waivers: [] });
    expect(off.memberLookups).toEqual([]);
  });

  it('records a waiver in the plan and does not fail on the waived rule', async () => {
    const pr = buildPullRequest({ labels: [] });
    const platform = createFakePlatform({ pr, config: { repository: configFile('style:\n  rules:\n    labels: { severity: error, required-one-of: [model] }\n') } });
    const waived = await checkPullRequest(platform, ref, {
      waivers: [{ rule: 'labels', by: 'grace', reason: 'release PR', at: '2026-11-28T12:00:00Z' }],
    });
    expect(waived.plan.conclusion).toBe('success');
    expect(waived.plan.summary).toContain('waived by @grace');
  });

  it('hands the existing check to the writer so an unchanged result is not written again', async () => {
    const pr = buildPullRequest();
    const first = await checkPullRequest(createFakePlatform({ pr }), ref, { waivers: [] });
    const platform = createFakePlatform({ pr, existingCheck: { id: 42, status: 'completed', fingerprint: first.plan.fingerprint } });
    const again = await checkPullRequest(platform, ref, { waivers: [] });
    const published = await publishCheck(platform, ref, again);
    expect(published).toEqual({ checkId: 42, written: false, requests: 0 });
  });
});
