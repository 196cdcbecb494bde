/** The App end to end: probot.receive → the queue → worker.drainOnce → GitHub (honest nock mocks). */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { createHarness, type Harness } from './harness.js';
import {
  CHECK_ID, HEAD, INSTALLATION, NUMBER, checkRunEvent, checkSuiteEvent, fakePullRequest, mockCheckCreate, mockPullRequestReads,
  mockPullRequestsOfCommit, pullRequestEvent, summaryOf, type CapturedCheck,
} from './github-world.js';

describe('the App checks pull requests', () => {
  let app: Harness;
  let gh: MockGitHub;
  let checks: CapturedCheck[];

  beforeEach(async () => {
    gh = mockGitHub();
    app = await createHarness();
    checks = [];
  });
  afterEach(async () => {
    await app.close();
    gh.done();
  });

  it('answers pull_request.opened without GitHub, then writes one check run with the verdict', async () => {
    await app.probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') });
    expect(gh.requestCount()).toBe(0);

    gh.installationToken(INSTALLATION);
    mockPullRequestReads(gh, fakePullRequest({ title: 'Add the model card' }));
    mockCheckCreate(gh, checks);
    expect(await app.worker.drainOnce()).toBe(1);

    expect(checks).toHaveLength(1);
    expect(checks[0]!.body).toMatchObject({ head_sha: HEAD, name: 'Steward / style', status: 'completed', conclusion: 'failure', external_id: `{"pr":${NUMBER}}` });
    expect(summaryOf(checks[0]!)).toMatch(/`title-conventional` \| ❌ fail/);
    expect(gh.requests()).toEqual([{ method: 'POST', path: '/graphql' }, { method: 'POST', path: '/repos/Codertocat/Hello-World/check-runs' }]);
    expect(await app.store.getDelivery('d-1')).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('works a delivery id that arrives twice once', async () => {
    await app.probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') });
    await app.probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') });
    gh.installationToken(INSTALLATION);
    mockPullRequestReads(gh, fakePullRequest());
    mockCheckCreate(gh, checks);
    expect(await app.worker.drainOnce()).toBe(1);
    expect(await app.worker.drainOnce()).toBe(0);
    expect(checks).toHaveLength(1);
    expect(checks[0]!.body).toMatchObject({ conclusion: 'success' });
  });

  it('does not write a result that did not change when a second event comes for the same commit', async () => {
    const pr = fakePullRequest();
    gh.installationToken(INSTALLATION);
    mockPullRequestReads(gh, pr, { times: 2 });
    mockCheckCreate(gh, checks);
    await app.probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') });
    await app.worker.drainOnce();
    // GitHub now shows the run just written.
    pr.checkRuns = [{ databaseId: CHECK_ID, name: 'Steward / style', status: 'COMPLETED', summary: summaryOf(checks[0]!), annotations: 0 }];

    await app.probot.receive({ id: 'd-2', name: 'pull_request', payload: pullRequestEvent('reopened') });
    await app.worker.drainOnce();
    expect(checks).toHaveLength(1);
    expect(gh.requests().map((r) => r.path)).toEqual(['/graphql', '/repos/Codertocat/Hello-World/check-runs', '/graphql']);
  });

  it('writes one check run when pull_request.opened and check_suite.requested for its head arrive together', async () => {
    const pr = fakePullRequest();
    await app.probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') });
    await app.probot.receive({ id: 'd-2', name: 'check_suite', payload: checkSuiteEvent() });
    gh.installationToken(INSTALLATION);
    mockPullRequestReads(gh, pr, { times: 2 });
    mockCheckCreate(gh, checks, { showOn: pr });
    expect(await app.worker.drainOnce()).toBe(2);
    expect(checks).toHaveLength(1);
    expect(gh.requests().map((r) => r.path)).toEqual(['/graphql', '/repos/Codertocat/Hello-World/check-runs', '/graphql']);
  });

  it.each(['rerequested', 'requested_action'] as const)('runs the check again on check_run.%s of its own run', async (action) => {
    await app.probot.receive({ id: 'd-1', name: 'check_run', payload: checkRunEvent(action) });
    gh.installationToken(INSTALLATION);
    mockPullRequestReads(gh, fakePullRequest());
    mockCheckCreate(gh, checks);
    await app.worker.drainOnce();
    expect(checks).toHaveLength(1);
    expect(checks[0]!.body).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
  });

  it('checks the pull request of a requested check suite, found through its head commit when the suite lists none', async () => {
    const payload = loadWebhookExample('check_suite', 'requested');
    const sha = payload.check_suite.head_sha as string;
    expect(payload.check_suite.pull_requests).toEqual([]); // as GitHub sends it for a fork
    await app.probot.receive({ id: 'd-1', name: 'check_suite', payload });
    gh.installationToken(payload.installation.id);
    mockPullRequestsOfCommit(gh, sha, [NUMBER]);
    mockPullRequestReads(gh, fakePullRequest({ headSha: sha }));
    mockCheckCreate(gh, checks);
    await app.worker.drainOnce();
    expect(checks).toHaveLength(1);
    expect(checks[0]!.body).toMatchObject({ head_sha: sha, conclusion: 'success' });
  });

  it('does nothing for a check suite whose commit heads no open pull request', async () => {
    const payload = loadWebhookExample('check_suite', 'requested');
    await app.probot.receive({ id: 'd-1', name: 'check_suite', payload });
    gh.installationToken(payload.installation.id);
    mockPullRequestsOfCommit(gh, payload.check_suite.head_sha, []);
    await app.worker.drainOnce();
    expect(await app.store.getDelivery('d-1')).toMatchObject({ status: 'done' });
  });
});
