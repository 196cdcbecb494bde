/** `/steward` commands in PR comments and reviews, end to end. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { basicError } from '../../support/github-fixtures.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { T0 } from './test-probot.js';
import { createHarness, type Harness } from './harness.js';
import {
  HEAD, INSTALLATION, NUMBER, REPO_PATH, commentEvent, fakePullRequest, mockCheckCreate, mockComment, mockPermission,
  mockPullRequestReads, summaryOf, type CapturedCheck,
} from './github-world.js';

describe('the App runs /steward commands', () => {
  let app: Harness;
  let gh: MockGitHub;
  let checks: CapturedCheck[];
  let replies: string[];

  beforeEach(async () => {
    gh = mockGitHub();
    app = await createHarness();
    checks = [];
    replies = [];
    gh.installationToken(INSTALLATION);
  });
  afterEach(async () => {
    await app.close();
    gh.done();
  });

  async function comment(body: string, login = 'Codertocat') {
    await app.probot.receive({ id: 'c-1', name: 'issue_comment', payload: commentEvent(body, login) });
    await app.worker.drainOnce();
  }

  it('stores a maintainer\'s waiver and re-runs the check, whose summary says who waived what and why', async () => {
    mockPermission(gh, 'Codertocat', 'write');
    mockPullRequestReads(gh, fakePullRequest({ title: 'Add the model card' }), { pages: 1 });
    mockCheckCreate(gh, checks);
    await comment('Agreed with the team:\n/steward waive title-conventional imported from the upstream repo');

    expect(await app.store.listWaivers('Codertocat', 'Hello-World', NUMBER)).toEqual([
      { rule: 'title-conventional', by: 'Codertocat', reason: 'imported from the upstream repo', at: T0.toISOString() },
    ]);
    expect(checks).toHaveLength(1);
    expect(checks[0]!.body).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
    expect(summaryOf(checks[0]!)).toMatch(/`title-conventional` waived by @Codertocat on 2025-03-01: imported from the upstream repo/);
    expect(replies).toEqual([]);
  });

  it('answers someone with read access once, politely, and does nothing else', async () => {
    mockPermission(gh, 'octo-reader', 'read');
    mockComment(gh, replies);
    await comment('/steward waive title-conventional I do not like it', 'octo-reader');

    expect(replies).toEqual([expect.stringMatching(/^@octo-reader, only maintainers with write access can run `\/steward waive`\. Your access to this repository is "read"/)]);
    expect(await app.store.listWaivers('Codertocat', 'Hello-World', NUMBER)).toEqual([]);
    expect(gh.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${REPO_PATH}/collaborators/octo-reader/permission`,
      `POST ${REPO_PATH}/issues/${NUMBER}/comments`,
    ]);
  });

  it('treats someone who is no collaborator at all like a reader', async () => {
    gh.rest('GET', `${REPO_PATH}/collaborators/drive-by/permission`, {}, 404, basicError('Not Found'));
    mockComment(gh, replies);
    await comment('/steward recheck', 'drive-by');
    expect(replies).toEqual([expect.stringMatching(/^@drive-by, only maintainers with write access can run `\/steward recheck`.*"none"/)]);
  });

  it('lists the valid rule ids when a waiver names an unknown rule, and checks nothing', async () => {
    mockPermission(gh, 'Codertocat', 'admin');
    mockComment(gh, replies);
    await comment('/steward waive title-conventinal typo');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/`title-conventinal` is not a Steward style rule, so nothing was waived/);
    expect(replies[0]).toMatch(/`title-conventional`, `commit-conventional`, `commit-signoff`.*`draft`/);
    expect(checks).toEqual([]);
  });

  it('asks for a reason when a waiver has none', async () => {
    mockPermission(gh, 'Codertocat', 'maintain');
    mockComment(gh, replies);
    await comment('/steward waive pr-size');
    expect(replies).toEqual([expect.stringMatching(/`\/steward waive pr-size` needs a reason/)]);
    expect(await app.store.listWaivers('Codertocat', 'Hello-World', NUMBER)).toEqual([]);
  });

  it('re-runs the check on /steward recheck in a review', async () => {
    const review = loadWebhookExample('pull_request_review', 'submitted', { index: 1 });
    review.review.body = 'Please look again.\n\n/steward recheck';
    mockPermission(gh, review.review.user.login, 'maintain');
    mockPullRequestReads(gh, fakePullRequest());
    mockCheckCreate(gh, checks);
    await app.probot.receive({ id: 'r-1', name: 'pull_request_review', payload: review });
    await app.worker.drainOnce();
    expect(checks).toHaveLength(1);
    expect(checks[0]!.body).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
  });
});
