/** proposeFiles: one pull request from Steward's branch, opened once, moved when the files change, never a foreign branch. */
import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { createGitHubPublisher, gitBlobSha } from '../../../../src/platform/github/publish/create-github-publisher.js';
import type { FileProposal } from '../../../../src/platform/reconcile-port.js';
import { basicError, restExample } from '../../../support/github-fixtures.js';
import type { MockGitHub } from '../../../support/mock-github.js';
import { mockGitHub, testOctokit } from '../setup.js';
import { BASE, branchData, repoData, countingPacer, pullData, refResponse, REPO, shaResponse, treeData, writesOf } from './fixtures.js';

afterEach(() => nock.cleanAll());

const H0 = '1'.repeat(40); // default head commit
const T0 = '2'.repeat(40); // its tree
const H1 = '3'.repeat(40); // Steward's branch head
const T1 = '4'.repeat(40);
const NEW_TREE = '5'.repeat(40);
const NEW_COMMIT = '6'.repeat(40);
const PATH = 'models/registry.yml';
const BRANCH = 'steward/registry';
const ENCODED = 'steward%2Fregistry'; // Octokit percent-encodes the "/" of a {branch} parameter; GitHub accepts it
const STEWARD_MESSAGE = `Update the model registry\n\nSteward-Proposal: ${BRANCH}\n`;

function proposal(content: string, overrides: Partial<FileProposal> = {}): FileProposal {
  return { branch: BRANCH, files: [{ path: PATH, content }], title: 'Steward: update the model registry', body: 'Models from 2 forks.', message: 'Update the model registry', ...overrides };
}

/** The three reads every call makes: repository, default branch head, its tree. */
function mockDefault(gh: MockGitHub, registry: string | null): MockGitHub {
  return gh
    .rest('GET', BASE, {}, 200, repoData('main'))
    .rest('GET', `${BASE}/branches/main`, {}, 200, branchData('main', H0, T0, 'Merge pull request #4'))
    .rest('GET', `${BASE}/git/trees/${T0}`, { query: { recursive: 1 } }, 200, treeData(T0, registry === null ? { 'README.md': 'a'.repeat(40) } : { [PATH]: gitBlobSha(registry) }));
}

function mockOpenPull(gh: MockGitHub, pulls: Record<string, unknown>[]): MockGitHub {
  return gh.rest('GET', `${BASE}/pulls`, { query: { head: `acme:${BRANCH}`, state: 'open', per_page: 1 } }, 200, pulls);
}

function mockStewardBranch(gh: MockGitHub, content: string, message = STEWARD_MESSAGE): MockGitHub {
  return gh
    .rest('GET', `${BASE}/branches/${ENCODED}`, {}, 200, branchData(BRANCH, H1, T1, message))
    .rest('GET', `${BASE}/git/trees/${T1}`, { query: { recursive: 1 } }, 200, treeData(T1, { [PATH]: gitBlobSha(content) }));
}

/** Tree on the default tree, commit on the default head with Steward's trailer. */
function mockCommit(gh: MockGitHub, content: string): MockGitHub {
  return gh
    .rest('POST', `${BASE}/git/trees`, { body: { base_tree: T0, tree: [{ path: PATH, mode: '100644', type: 'blob', content }] } }, 201, shaResponse('/repos/{owner}/{repo}/git/trees', NEW_TREE))
    .rest('POST', `${BASE}/git/commits`, { body: { message: STEWARD_MESSAGE, tree: NEW_TREE, parents: [H0] } }, 201, shaResponse('/repos/{owner}/{repo}/git/commits', NEW_COMMIT));
}

function run(content: string, overrides: Partial<FileProposal> = {}) {
  const pacer = countingPacer();
  return { pacer, result: createGitHubPublisher(testOctokit(), { pacer }).proposeFiles(REPO, proposal(content, overrides)) };
}

describe('proposeFiles', () => {
  it('computes git blob ids as git does', () => {
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(gitBlobSha('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  it('opens one pull request: one commit on a new branch, then the pull request', async () => {
    const gh = mockOpenPull(mockDefault(mockGitHub(), 'old: 1\n'), [])
      .rest('GET', `${BASE}/branches/${ENCODED}`, {}, 404, basicError('Branch not found'));
    mockCommit(gh, 'new: 2\n')
      .rest('POST', `${BASE}/git/refs`, { body: { ref: `refs/heads/${BRANCH}`, sha: NEW_COMMIT } }, 201, refResponse(BRANCH, NEW_COMMIT))
      .rest('POST', `${BASE}/pulls`, { body: { title: 'Steward: update the model registry', body: 'Models from 2 forks.', head: BRANCH, base: 'main' } }, 201, pullData(5, 'Steward: update the model registry', 'Models from 2 forks.'));
    const { pacer, result } = run('new: 2\n');
    await expect(result).resolves.toEqual({ number: 5, state: 'created' });
    expect(gh.requestCount()).toBe(9);
    expect(pacer.count()).toBe(writesOf(gh.requests()));
    gh.done();
  });

  it('writes nothing on a second call with the same files', async () => {
    const gh = mockStewardBranch(mockOpenPull(mockDefault(mockGitHub(), 'old: 1\n'), [pullData(5, 'Steward: update the model registry', 'Models from 2 forks.')]), 'new: 2\n');
    const { pacer, result } = run('new: 2\n');
    await expect(result).resolves.toEqual({ number: 5, state: 'unchanged' });
    expect(writesOf(gh.requests())).toBe(0);
    expect(pacer.count()).toBe(0);
    gh.done();
  });

  it('moves its own branch with one commit and edits the same pull request when the files change', async () => {
    const gh = mockStewardBranch(mockOpenPull(mockDefault(mockGitHub(), 'old: 1\n'), [pullData(5, 'Old title', 'Models from 2 forks.')]), 'new: 2\n');
    mockCommit(gh, 'newer: 3\n')
      .rest('PATCH', `${BASE}/git/refs/heads%2F${ENCODED}`, { body: { sha: NEW_COMMIT, force: true } }, 200, refResponse(BRANCH, NEW_COMMIT))
      .rest('PATCH', `${BASE}/pulls/5`, { body: { title: 'Steward: update the model registry', body: 'Models from 2 forks.' } }, 200, pullData(5, 'Steward: update the model registry', 'Models from 2 forks.'));
    const { pacer, result } = run('newer: 3\n');
    await expect(result).resolves.toEqual({ number: 5, state: 'updated' });
    expect(gh.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))).toEqual([]);
    expect(pacer.count()).toBe(4);
    gh.done();
  });

  it('proposes nothing when the default branch already holds the files, and leaves an open pull request alone', async () => {
    const gh = mockDefault(mockGitHub(), 'same: 1\n');
    const { pacer, result } = run('same: 1\n');
    await expect(result).resolves.toEqual({ number: null, state: 'unchanged' });
    expect(gh.requestCount()).toBe(3);
    expect(pacer.count()).toBe(0);
    gh.done();
  });

  it('refuses to overwrite a branch of that name that Steward did not make', async () => {
    const gh = mockOpenPull(mockDefault(mockGitHub(), null), [])
      .rest('GET', `${BASE}/branches/${ENCODED}`, {}, 200, branchData(BRANCH, H1, T1, 'WIP: my own registry changes'));
    const { pacer, result } = run('new: 2\n');
    await expect(result).rejects.toThrow(/branch "steward\/registry" that Steward did not make.*Delete or rename that branch/s);
    expect(writesOf(gh.requests())).toBe(0);
    expect(pacer.count()).toBe(0);
    gh.done();
  });

  it('falls back to one contents read per file when GitHub truncates the tree', async () => {
    const gh = mockGitHub()
      .rest('GET', BASE, {}, 200, repoData('main'))
      .rest('GET', `${BASE}/branches/main`, {}, 200, branchData('main', H0, T0, 'Merge pull request #4'))
      .rest('GET', `${BASE}/git/trees/${T0}`, { query: { recursive: 1 } }, 200, treeData(T0, { 'README.md': 'a'.repeat(40) }, true))
      .rest('GET', `${BASE}/contents/models%2Fregistry.yml`, { query: { ref: H0 } }, 200, { ...restExample('GET', '/repos/{owner}/{repo}/contents/{path}', { name: 'response-if-content-is-a-file' }), sha: gitBlobSha('same: 1\n') });
    const { result } = run('same: 1\n');
    await expect(result).resolves.toEqual({ number: null, state: 'unchanged' });
    gh.done();
  });
});
