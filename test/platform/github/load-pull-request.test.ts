import { describe, it, expect, afterEach } from '@jest/globals';
import nock from 'nock';
import { createGitHubAdapter } from '../../../src/platform/github/create-github-adapter.js';
import { checkRunResponse } from '../../support/github-fixtures.js';
import { answerGraphql, makeCommits, makeFiles } from '../../support/fake-github-graphql.js';
import { APP_ID, HEAD, basePullRequest, makePlan, mockGitHub, mockPullRequestReads, testOctokit } from './setup.js';

const ref = { owner: 'acme', repo: 'models', number: 7, headSha: HEAD, defaultBranch: 'main' };
const LFS = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'f'.repeat(64) + '\nsize 5000000000\n';

afterEach(() => nock.cleanAll());

describe('GitHub adapter: loading a pull request', () => {
  it('reads a typical PR and publishes its check in 3 requests (budget 4)', async () => {
    const pr = basePullRequest({
      commits: makeCommits(40),
      files: makeFiles(60, (i) => (i === 0 ? { path: 'weights/model.bin', additions: 3, deletions: 0, changeType: 'ADDED', text: LFS } : {})),
      blobs: { 'main:.github/steward.yml': 'style: {}\n', [`${HEAD}:.gitattributes`]: '*.bin filter=lfs diff=lfs merge=lfs -text\n' },
      orgConfig: 'style:\n  rules: {}\n',
    });
    const gh = mockPullRequestReads(mockGitHub(), pr, 1)
      .rest('POST', '/repos/acme/models/check-runs', {}, 201, checkRunResponse({ id: 501 }));
    const adapter = createGitHubAdapter(testOctokit(), { appId: APP_ID });

    const snapshot = await adapter.loadPullRequest(ref, 'Steward / style');
    const result = await adapter.publishCheck({ owner: 'acme', repo: 'models' }, makePlan(), snapshot.existingCheck);

    expect(adapter.requestCount()).toBe(3);
    expect(gh.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /graphql', 'POST /graphql', 'POST /repos/acme/models/check-runs']);
    expect(result).toEqual({ checkId: 501, written: true, requests: 1 });
    const { pr: loaded, config, existingCheck } = snapshot;
    expect(loaded.commits).toHaveLength(40);
    expect(loaded.files).toHaveLength(60);
    expect(loaded.files[0]).toMatchObject({ path: 'weights/model.bin', status: 'added', lfsPointer: true, size: Buffer.byteLength(LFS) });
    expect(loaded.files[1]).toMatchObject({ status: 'modified', size: 100, lfsPointer: false });
    expect(loaded.truncated).toEqual({ commits: null, files: null });
    expect(loaded).toMatchObject({ number: 7, labels: ['model'], linkedIssues: 1, headSha: HEAD, draft: false, author: { login: 'ada', type: 'User', association: 'CONTRIBUTOR' } });
    expect(loaded.repository).toEqual({ defaultBranch: 'main', squashMergeAllowed: true, mergeCommitAllowed: false, rebaseMergeAllowed: false, squashMergeCommitTitle: 'COMMIT_OR_PR_TITLE' });
    expect(loaded.gitattributes).toContain('filter=lfs');
    expect(config.repository).toEqual({ origin: 'acme/models:.github/steward.yml', path: '.github/steward.yml', text: 'style: {}\n' });
    expect(config.organization?.origin).toBe('acme/.github:.github/steward.yml');
    expect(existingCheck).toBeNull();
    gh.done();
  });

  it('reads a 300-commit, 3,000-file PR in 31 reads and publishes in 32 requests (budget 40)', async () => {
    const pr = basePullRequest({ commits: makeCommits(300), files: makeFiles(3000) });
    const gh = mockPullRequestReads(mockGitHub(), pr, 30)
      .rest('POST', '/repos/acme/models/check-runs', {}, 201, checkRunResponse({ id: 9 }));
    const adapter = createGitHubAdapter(testOctokit(), { appId: APP_ID });

    const snapshot = await adapter.loadPullRequest(ref, 'Steward / style');
    expect(adapter.requestCount()).toBe(31); // 30 file pages + the sizes of the last page; GitHub's floor is 30
    await adapter.publishCheck({ owner: 'acme', repo: 'models' }, makePlan(), snapshot.existingCheck);

    expect(adapter.requestCount()).toBeLessThanOrEqual(40);
    expect(gh.requestCount()).toBe(32);
    expect(snapshot.pr.commits.map((c) => c.sha)).toEqual(pr.commits.map((c) => c.oid));
    expect(snapshot.pr.files).toHaveLength(3000);
    expect(snapshot.pr.files.every((f) => f.size === 100)).toBe(true);
    expect(snapshot.pr.truncated).toEqual({ commits: null, files: null });
    gh.done();
  });

  it('says plainly when GitHub lists only 3,000 of 3,200 changed files', async () => {
    const pr = basePullRequest({ commits: makeCommits(1), files: makeFiles(3200), changedFiles: 3200 });
    const gh = mockPullRequestReads(mockGitHub(), pr, 30);
    const snapshot = await createGitHubAdapter(testOctokit()).loadPullRequest(ref, 'Steward / style');
    expect(snapshot.pr.files).toHaveLength(3000);
    expect(snapshot.pr.truncated.files).toEqual({ seen: 3000, total: 3200, reason: 'GitHub lists at most 3,000 files of a pull request' });
    expect(snapshot.pr.truncated.commits).toBeNull();
    gh.done();
  });

  it('reports commits GitHub stopped listing early instead of passing silently', async () => {
    const pr = basePullRequest({ commits: makeCommits(260), commitListCap: 250, files: makeFiles(1) });
    const gh = mockPullRequestReads(mockGitHub(), pr, 2);
    const snapshot = await createGitHubAdapter(testOctokit()).loadPullRequest(ref, 'Steward / style');
    expect(snapshot.pr.commits).toHaveLength(250);
    expect(snapshot.pr.truncated.commits).toEqual({ seen: 250, total: 260, reason: 'GitHub ended the commit list early' });
    gh.done();
  });

  it('reports a file list GitHub refused to build as truncated, and keeps the rest of the PR', async () => {
    const pr = basePullRequest({ commits: makeCommits(2), files: makeFiles(5), changedFiles: 5 });
    const gh = mockGitHub().graphql('query StewardPullRequest(', (variables, query) => {
      const answer = answerGraphql(pr, query, variables) as { data: { repository: { pullRequest: { files: unknown } } } };
      answer.data.repository.pullRequest.files = null;
      return { ...answer, errors: [{ type: 'SERVICE_UNAVAILABLE', path: ['repository', 'pullRequest', 'files'], message: 'The diff took too long to generate.' }] };
    });
    const snapshot = await createGitHubAdapter(testOctokit()).loadPullRequest(ref, 'Steward / style');
    expect(snapshot.pr.commits).toHaveLength(2);
    expect(snapshot.pr.truncated.files).toEqual({ seen: 0, total: 5, reason: 'GitHub did not list the files: The diff took too long to generate.' });
    gh.done();
  });

  it('tolerates an organisation without a .github repository', async () => {
    const pr = basePullRequest({ commits: makeCommits(1), files: [], orgConfig: null });
    const gh = mockPullRequestReads(mockGitHub(), pr, 0);
    const snapshot = await createGitHubAdapter(testOctokit()).loadPullRequest(ref, 'Steward / style');
    expect(snapshot.config).toEqual({ repository: null, organization: null });
    expect(snapshot.pr.commits).toHaveLength(1);
    gh.done();
  });

  it('finds Steward\'s existing check and its fingerprint, and skips an unchanged write', async () => {
    const pr = basePullRequest({
      commits: makeCommits(1),
      checkRuns: [{ databaseId: 88, name: 'Steward / style', status: 'COMPLETED', annotations: 0, summary: 'table\n\n<!-- steward:fingerprint=0123456789abcdef annotations=fedcba9876543210 -->' }],
    });
    const gh = mockPullRequestReads(mockGitHub(), pr, 0);
    const adapter = createGitHubAdapter(testOctokit(), { appId: APP_ID });
    const snapshot = await adapter.loadPullRequest(ref, 'Steward / style');
    expect(snapshot.existingCheck).toEqual({ id: 88, status: 'completed', fingerprint: '0123456789abcdef', annotationsFingerprint: 'fedcba9876543210' });
    const result = await adapter.publishCheck({ owner: 'acme', repo: 'models' }, makePlan(), snapshot.existingCheck);
    expect(result).toEqual({ checkId: 88, written: false, requests: 0 });
    expect(adapter.requestCount()).toBe(1);
    gh.done();
  });

  it('reads .gitattributes and the existing check at the PR head when the webhook gave no SHA, in the same follow-up', async () => {
    const pr = basePullRequest({
      commits: makeCommits(2), files: makeFiles(3),
      blobs: { [`${HEAD}:.gitattributes`]: 'data/** linguist-generated\n', 'HEAD:.github/steward.yml': 'style: {}\n' },
      checkRuns: [{ databaseId: 5, name: 'Steward / style', status: 'IN_PROGRESS', annotations: 0, summary: 'Running' }],
    });
    const gh = mockPullRequestReads(mockGitHub(), pr, 1);
    const adapter = createGitHubAdapter(testOctokit(), { appId: APP_ID });
    const snapshot = await adapter.loadPullRequest({ owner: 'acme', repo: 'models', number: 7 }, 'Steward / style');
    expect(adapter.requestCount()).toBe(2);
    expect(snapshot.pr.gitattributes).toBe('data/** linguist-generated\n');
    expect(snapshot.existingCheck).toEqual({ id: 5, status: 'in_progress', fingerprint: null, annotationsFingerprint: null });
    expect(snapshot.config.repository?.text).toBe('style: {}\n');
    gh.done();
  });

  it('reads the existing check at the PR\'s real head when the event named an older commit', async () => {
    const pr = basePullRequest({
      commits: makeCommits(2), files: makeFiles(3),
      blobs: { [`${HEAD}:.gitattributes`]: '*.bin filter=lfs\n' },
      checkRuns: [{ databaseId: 5, name: 'Steward / style', status: 'COMPLETED', annotations: 0, summary: 'x' }],
    });
    const gh = mockPullRequestReads(mockGitHub(), pr, 1);
    const adapter = createGitHubAdapter(testOctokit(), { appId: APP_ID });
    const snapshot = await adapter.loadPullRequest({ ...ref, headSha: 'f'.repeat(40) }, 'Steward / style');
    expect(adapter.requestCount()).toBe(2);
    expect(snapshot.pr.headSha).toBe(HEAD);
    expect(snapshot.pr.gitattributes).toBe('*.bin filter=lfs\n');
    expect(snapshot.existingCheck?.id).toBe(5);
    gh.done();
  });

  it('maps bots, signatures, merges and file statuses to Steward\'s types', async () => {
    const pr = basePullRequest({
      author: { login: 'renovate', __typename: 'Bot' },
      commits: [
        { oid: '1'.repeat(40), message: 'chore(deps): bump', authorLogin: null, authorEmail: '29139614+renovate[bot]@users.noreply.github.com' },
        { oid: '2'.repeat(40), message: 'Merge branch main', authorLogin: 'ada', signed: true, parents: 2 },
      ],
      files: [
        { path: 'old.txt', additions: 0, deletions: 4, changeType: 'DELETED' },
        { path: 'moved.md', additions: 0, deletions: 0, changeType: 'RENAMED', byteSize: 150 },
        { path: 'big.safetensors', additions: 0, deletions: 0, changeType: 'ADDED', isBinary: true, byteSize: 9_000_000 },
      ],
    });
    const gh = mockPullRequestReads(mockGitHub(), pr, 1);
    const { pr: loaded } = await createGitHubAdapter(testOctokit()).loadPullRequest(ref, 'Steward / style');
    expect(loaded.author).toEqual({ login: 'renovate[bot]', type: 'Bot', association: 'CONTRIBUTOR' });
    expect(loaded.commits[0]!.author).toEqual({ name: 'Someone', email: '29139614+renovate[bot]@users.noreply.github.com', login: 'renovate[bot]', type: 'Bot' });
    expect(loaded.commits[0]!.verified).toBe(false);
    expect(loaded.commits[1]).toMatchObject({ parentCount: 2, verified: true, author: { login: 'ada', type: 'User' } });
    expect(loaded.files.map((f) => [f.status, f.size, f.lfsPointer])).toEqual([
      ['removed', null, null], ['renamed', 150, null], ['added', 9_000_000, false],
    ]);
    gh.done();
  });
});
