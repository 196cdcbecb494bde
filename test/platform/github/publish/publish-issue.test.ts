/** The reconcile issue: opened once, found again by number or marker, edited only when it changed. */
import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { createGitHubPublisher } from '../../../../src/platform/github/publish/create-github-publisher.js';
import { basicError } from '../../../support/github-fixtures.js';
import { mockGitHub, testOctokit } from '../setup.js';
import { BASE, countingPacer, issueData, OURS, REPO, writesOf } from './fixtures.js';

afterEach(() => nock.cleanAll());

const TITLE = 'Steward: model registry across forks';
const NEW_BODY = `${OURS}\n\n3 forks now.`;
const PULL_LINKS = {
  url: 'https://api.github.com/repos/acme/models/pulls/4', html_url: 'https://github.com/acme/models/pull/4',
  diff_url: 'https://github.com/acme/models/pull/4.diff', patch_url: 'https://github.com/acme/models/pull/4.patch',
};

function publisher() {
  const pacer = countingPacer();
  return { pacer, publisher: createGitHubPublisher(testOctokit(), { pacer }) };
}

describe('publishIssue', () => {
  // A pull request whose body quotes the marker is listed among issues, but is not the issue.
  it('opens the issue when none is known and no open issue carries the marker', async () => {
    const gh = mockGitHub()
      .rest('GET', `${BASE}/issues`, { query: { state: 'open', per_page: 100 } }, 200, [issueData(3, { body: 'someone else' }), issueData(4, { pull_request: PULL_LINKS })])
      .rest('POST', `${BASE}/issues`, { body: { title: TITLE, body: NEW_BODY } }, 201, issueData(12));
    const { pacer, publisher: p } = publisher();
    await expect(p.publishIssue(REPO, { title: TITLE, body: NEW_BODY, known: null })).resolves.toEqual({ number: 12, state: 'created' });
    expect(pacer.count()).toBe(1);
    gh.done();
  });

  it('edits the known open issue in place when its text changed', async () => {
    const gh = mockGitHub()
      .rest('GET', `${BASE}/issues/7`, {}, 200, issueData(7))
      .rest('PATCH', `${BASE}/issues/7`, { body: { title: TITLE, body: NEW_BODY } }, 200, issueData(7, { body: NEW_BODY }));
    const { pacer, publisher: p } = publisher();
    await expect(p.publishIssue(REPO, { title: TITLE, body: NEW_BODY, known: 7 })).resolves.toEqual({ number: 7, state: 'updated' });
    expect(gh.requests()).toEqual([{ method: 'GET', path: `${BASE}/issues/7` }, { method: 'PATCH', path: `${BASE}/issues/7` }]);
    expect(pacer.count()).toBe(1);
    gh.done();
  });

  it('writes nothing when the known issue already says this', async () => {
    const gh = mockGitHub().rest('GET', `${BASE}/issues/7`, {}, 200, issueData(7));
    const { pacer, publisher: p } = publisher();
    await expect(p.publishIssue(REPO, { title: TITLE, body: OURS, known: 7 })).resolves.toEqual({ number: 7, state: 'unchanged' });
    expect(writesOf(gh.requests())).toBe(0);
    expect(pacer.count()).toBe(0);
    gh.done();
  });

  it.each([
    ['closed', 200, issueData(7, { state: 'closed', closed_at: '2026-11-01T00:00:00Z' })],
    ['deleted', 404, basicError('Not Found')],
    ['gone', 410, basicError('This issue was deleted')],
    ['not Steward\'s', 200, issueData(7, { body: 'A human issue that happens to have number 7.' })],
  ])('finds the open issue by its marker when the known one is %s', async (_case, status, answer) => {
    const gh = mockGitHub()
      .rest('GET', `${BASE}/issues/7`, {}, status, answer)
      .rest('GET', `${BASE}/issues`, { query: { state: 'open', per_page: 100 } }, 200, [issueData(30, { body: 'unrelated' }), issueData(21)])
      .rest('PATCH', `${BASE}/issues/21`, { body: { title: TITLE, body: NEW_BODY } }, 200, issueData(21, { body: NEW_BODY }));
    const { publisher: p } = publisher();
    await expect(p.publishIssue(REPO, { title: TITLE, body: NEW_BODY, known: 7 })).resolves.toEqual({ number: 21, state: 'updated' });
    gh.done();
  });

  it('opens a new issue when the known one was closed and no open one carries the marker', async () => {
    const gh = mockGitHub()
      .rest('GET', `${BASE}/issues/7`, {}, 200, issueData(7, { state: 'closed', closed_at: '2026-11-01T00:00:00Z' }))
      .rest('GET', `${BASE}/issues`, { query: { state: 'open', per_page: 100 } }, 200, [])
      .rest('POST', `${BASE}/issues`, { body: { title: TITLE, body: OURS } }, 201, issueData(31));
    const { publisher: p } = publisher();
    await expect(p.publishIssue(REPO, { title: TITLE, body: OURS, known: 7 })).resolves.toEqual({ number: 31, state: 'created' });
    gh.done();
  });

  it('does not take a permission refusal for a missing issue', async () => {
    const gh = mockGitHub().rest('GET', `${BASE}/issues/7`, {}, 403, basicError('Resource not accessible by integration'));
    const { publisher: p } = publisher();
    await expect(p.publishIssue(REPO, { title: TITLE, body: OURS, known: 7 })).rejects.toMatchObject({ status: 403, operation: 'GET /repos/acme/models/issues/7' });
    gh.done();
  });
});
