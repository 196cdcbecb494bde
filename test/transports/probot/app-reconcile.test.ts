/** `/steward reconcile` and a push changing metadata, end to end through Probot, the worker, the store and honest mocks. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { gitBlobSha } from '../../../src/platform/github/publish/create-github-publisher.js';
import { basicError } from '../../support/github-fixtures.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { branchData, issueData, pullData, refResponse, repoData, shaResponse, treeData } from '../../platform/github/publish/fixtures.js';
import { makeNetwork } from '../../platform/github/reconcile/fake-network.js';
import { mockNetwork, mockUpstreamTree } from '../../platform/github/reconcile/network-fixtures.js';
import { mockConfigReads } from './eval-github.js';
import { INSTALLATION, OWNER, REPO, REPO_PATH, mockComment, mockPermission } from './github-world.js';
import { createHarness, type Harness } from './harness.js';

const UPSTREAM = `${OWNER}/${REPO}`;
const A = 'models/a/model.yml';
const UP_A = 'id: a\nversion: 1.1.0\n';
const CONFIG = 'reconcile:\n  paths: ["models/*/model.yml"]\nmodel-cards:\n  paths: ["README.md"]\n';
const ISSUE = 9;
const H0 = '1'.repeat(40);
const T0 = '2'.repeat(40);

function network() {
  const net = makeNetwork(
    { name: UPSTREAM, files: { [A]: UP_A }, forks: ['alice/Hello-World', 'bob/Hello-World'] },
    [
      { name: 'alice/Hello-World', files: { [A]: 'id: a\nversion: 1.0.0\n' }, forks: [] },
      { name: 'bob/Hello-World', files: { [A]: UP_A }, forks: [] },
    ],
  );
  net.history = { [A]: [UP_A, 'id: a\nversion: 1.0.0\n'] };
  return net;
}

/** A comment on a plain issue (not a pull request). */
function issueComment(body: string, id: string) {
  const payload = loadWebhookExample('issue_comment', 'created', { index: 3 });
  payload.issue.number = ISSUE;
  delete payload.issue.pull_request;
  payload.comment.body = body;
  return { id, name: 'issue_comment' as const, payload };
}

/** A push to the default branch of Codertocat/Hello-World changing `paths`. */
function pushEvent(paths: string[]) {
  const payload = loadWebhookExample('push');
  payload.ref = `refs/heads/${payload.repository.default_branch}`;
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.commits = [{ ...payload.head_commit, added: [], removed: [], modified: paths }];
  return payload;
}

/** The registry pull request, first time: three reads of the default branch, the PR lookup, the branch (absent), four writes. */
function mockRegistryProposal(gh: MockGitHub): void {
  gh.rest('GET', REPO_PATH, {}, 200, repoData('main'))
    .rest('GET', `${REPO_PATH}/branches/main`, {}, 200, branchData('main', H0, T0, 'Initial commit'))
    .rest('GET', `${REPO_PATH}/git/trees/${T0}`, { query: { recursive: 1 } }, 200, treeData(T0, { [A]: gitBlobSha(UP_A) }))
    .rest('GET', `${REPO_PATH}/pulls`, { query: { head: `${OWNER}:steward/registry`, state: 'open', per_page: 1 } }, 200, [])
    .rest('GET', `${REPO_PATH}/branches/steward%2Fregistry`, {}, 404, basicError('Branch not found'))
    .rest('POST', `${REPO_PATH}/git/trees`, { body: (b) => (b as { tree: { path: string }[] }).tree[0]!.path === 'registry.json' }, 201, shaResponse('/repos/{owner}/{repo}/git/trees', '5'.repeat(40)))
    .rest('POST', `${REPO_PATH}/git/commits`, {}, 201, shaResponse('/repos/{owner}/{repo}/git/commits', '6'.repeat(40)))
    .rest('POST', `${REPO_PATH}/git/refs`, { body: { ref: 'refs/heads/steward/registry', sha: '6'.repeat(40) } }, 201, refResponse('steward/registry', '6'.repeat(40)))
    .rest('POST', `${REPO_PATH}/pulls`, { body: (b) => (b as { head: string }).head === 'steward/registry' }, 201, pullData(31, 'Steward: update the model registry across forks', ''));
}

describe('the App reconciles the fork network', () => {
  let app: Harness;
  let gh: MockGitHub;
  let replies: string[];

  beforeEach(async () => {
    gh = mockGitHub();
    app = await createHarness();
    replies = [];
  });
  afterEach(async () => {
    await app.close();
    gh.done();
  });

  it('on /steward reconcile: reads the network, opens the report issue and one registry pull request, replies; a second run writes nothing and reads no text', async () => {
    const net = network();
    gh.installationToken(INSTALLATION);
    mockPermission(gh, 'Codertocat', 'write');
    mockConfigReads(gh, CONFIG);
    mockUpstreamTree(mockNetwork(gh, net, { StewardNetworkUpstream: 1, StewardForkPage: 1, StewardBlobTexts: 1, StewardUpstreamHistory: 1 }), net);
    const issues: string[] = [];
    gh.rest('GET', `${REPO_PATH}/issues`, {}, 200, [])
      .rest('POST', `${REPO_PATH}/issues`, { body: (b) => issues.push((b as { body: string }).body) > 0 }, 201, issueData(40));
    mockRegistryProposal(gh);
    mockComment(gh, replies, ISSUE);
    await app.probot.receive(issueComment('/steward reconcile', 'r-1'));
    await app.worker.drainOnce();

    expect(issues[0]).toMatch(/Upstream `Codertocat\/Hello-World`.*2 forks.*1 model/s);
    expect(issues[0]).toMatch(/1 behind/);
    expect(replies).toEqual([expect.stringMatching(/^@Codertocat, Reconciled Codertocat\/Hello-World with 2 forks: 1 model; 1 behind\. Report: #40\.$/)]);
    expect(await app.store.findReconcileOutput(UPSTREAM, 'registry-pr')).toMatchObject({ number: 31 });
    gh.assertHonest();

    // Nothing changed: the network is read again (no text: the store caches blobs), nothing is written but the reply.
    const before = gh.requestCount();
    mockPermission(gh, 'Codertocat', 'write');
    mockConfigReads(gh, CONFIG);
    mockUpstreamTree(mockNetwork(gh, net, { StewardNetworkUpstream: 1, StewardForkPage: 1, StewardUpstreamHistory: 1 }), net);
    mockComment(gh, replies, ISSUE);
    await app.probot.receive(issueComment('/steward reconcile', 'r-2'));
    await app.worker.drainOnce();
    const second = gh.requests().slice(before).map((r) => `${r.method} ${r.path}`);
    expect(second.filter((r) => r.startsWith('POST /repos') || r.startsWith('PATCH'))).toEqual([`POST ${REPO_PATH}/issues/${ISSUE}/comments`]);
    expect(net.log.filter((op) => op === 'StewardBlobTexts')).toHaveLength(1);
    expect(replies).toHaveLength(2);
  }, 30_000);

  it('on a push to the default branch: reconciles when a metadata file changed, and only then', async () => {
    const net = network();
    gh.installationToken(INSTALLATION);
    mockConfigReads(gh, CONFIG);
    await app.probot.receive({ id: 'p-1', name: 'push', payload: pushEvent(['docs/usage.md']) });
    await app.worker.drainOnce();
    expect(gh.requests().map((r) => r.path)).toEqual(['/graphql', '/graphql']);
    gh.assertHonest();

    mockConfigReads(gh, CONFIG);
    mockUpstreamTree(mockNetwork(gh, net, { StewardNetworkUpstream: 1, StewardForkPage: 1, StewardBlobTexts: 1, StewardUpstreamHistory: 1 }), net);
    gh.rest('GET', `${REPO_PATH}/issues`, {}, 200, []).rest('POST', `${REPO_PATH}/issues`, {}, 201, issueData(40));
    mockRegistryProposal(gh);
    await app.probot.receive({ id: 'p-2', name: 'push', payload: pushEvent([A]) });
    await app.worker.drainOnce();
    expect(await app.store.findReconcileOutput(UPSTREAM, 'issue')).toMatchObject({ number: 40 });
  }, 30_000);

  it('answers a reader politely and reads nothing of the network', async () => {
    gh.installationToken(INSTALLATION);
    mockPermission(gh, 'octo-reader', 'read');
    mockComment(gh, replies, ISSUE);
    const event = issueComment('/steward reconcile', 'r-3');
    event.payload.comment.user.login = 'octo-reader';
    event.payload.sender.login = 'octo-reader';
    await app.probot.receive(event);
    await app.worker.drainOnce();
    expect(replies).toEqual([expect.stringMatching(/^@octo-reader, only maintainers with write access can run `\/steward reconcile`/)]);
    expect(gh.requestCount()).toBe(2);
  });

  it('ignores other commands on a plain issue: /steward recheck there is not even queued', async () => {
    await app.probot.receive(issueComment('/steward recheck', 'r-4'));
    expect(await app.worker.drainOnce()).toBe(0);
    expect(gh.requestCount()).toBe(0);
  });
});
