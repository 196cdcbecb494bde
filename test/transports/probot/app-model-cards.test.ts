/** The App's model-card check end to end: probot.receive → the queue → the worker → GitHub (honest mocks). */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { makeFiles } from '../../support/fake-github-graphql.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { answerBlobs, filesPage, mockReviewPost, reviewsPage, type Blobs } from '../../platform/github/card-github.js';
import { createHarness, type Harness } from './harness.js';
import {
  HEAD, INSTALLATION, NUMBER, REPO_PATH, checkRunEvent, fakePullRequest, mockCheckCreate, mockNoCheckRuns, mockPullRequestReads,
  pullRequestEvent, type CapturedCheck,
} from './github-world.js';

const CARD = '---\nlanguage: en\nlicense: cc-by-sa 4.0\n---\n# Hello-World\n';

describe('the App checks the model cards a pull request changes', () => {
  let app: Harness;
  let gh: MockGitHub;
  let checks: CapturedCheck[];
  let reviews: Record<string, unknown>[];
  let blobReads: string[];

  beforeEach(async () => {
    gh = mockGitHub();
    app = await createHarness();
    checks = [];
    reviews = [];
    blobReads = [];
    gh.installationToken(INSTALLATION);
  });
  afterEach(async () => {
    await app.close();
    gh.done();
  });

  let cardQueries = 0;
  function mockCardReads(blobs: Blobs) {
    cardQueries = 0;
    const answer = answerBlobs(blobs, blobReads);
    gh.graphql('query StewardReadFiles(', (variables, query) => (cardQueries++, answer(variables, query)));
  }
  const cardCheck = () => checks.find((c) => c.body.name === 'Steward / model cards');
  const paths = () => gh.requests().map((r) => `${r.method} ${r.path}`);

  it('writes `Steward / model cards` with an annotation at the line, and one review suggesting the fix', async () => {
    const pr = fakePullRequest({ files: makeFiles(1, () => ({ path: 'README.md', changeType: 'ADDED' })) });
    mockPullRequestReads(gh, pr, { pages: 1 });
    mockCardReads({ 'README.md': CARD });
    mockCheckCreate(gh, checks, { times: 2 });
    mockNoCheckRuns(gh, HEAD);
    gh.rest('GET', `${REPO_PATH}/pulls/${NUMBER}/reviews`, {}, 200, reviewsPage(['Looks good']));
    mockReviewPost(gh, REPO_PATH, NUMBER, reviews);

    await app.probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') });
    await app.probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') }); // redelivered
    expect(await app.worker.drainOnce()).toBe(1);

    expect(cardCheck()!.body).toMatchObject({
      head_sha: HEAD, status: 'completed', conclusion: 'failure', external_id: `{"pr":${NUMBER}}`,
      output: { title: '1 error in 1 changed card', annotations: [expect.objectContaining({ path: 'README.md', start_line: 3, end_line: 3, annotation_level: 'failure' })] },
    });
    expect(reviews).toEqual([{
      commit_id: HEAD, event: 'COMMENT', body: expect.stringContaining(`<!-- steward:card-review sha=${HEAD} -->`),
      comments: [{ path: 'README.md', line: 3, side: 'RIGHT', body: expect.stringContaining('```suggestion\nlicense: cc-by-sa-4.0\n```') }],
    }]);
    expect(blobReads).toEqual(['README.md']);
    // The pull request and its page of file sizes, the style check, then the card and its check.
    expect(paths()).toEqual([
      'POST /graphql', 'POST /graphql', `POST ${REPO_PATH}/check-runs`, 'POST /graphql', `GET ${REPO_PATH}/commits/${HEAD}/check-runs`,
      `POST ${REPO_PATH}/check-runs`, `GET ${REPO_PATH}/pulls/${NUMBER}/reviews`, `POST ${REPO_PATH}/pulls/${NUMBER}/reviews`,
    ]);
  });

  it('finishes the delivery when GitHub refuses the review (422): the check is what counts', async () => {
    mockPullRequestReads(gh, fakePullRequest({ files: makeFiles(1, () => ({ path: 'README.md', changeType: 'ADDED' })) }), { pages: 1 });
    mockCardReads({ 'README.md': CARD });
    mockCheckCreate(gh, checks, { times: 2 });
    mockNoCheckRuns(gh, HEAD);
    gh.rest('GET', `${REPO_PATH}/pulls/${NUMBER}/reviews`, {}, 200, []);
    gh.rest('POST', `${REPO_PATH}/pulls/${NUMBER}/reviews`, {}, 422, {
      message: 'Unprocessable Entity', documentation_url: 'https://docs.github.com/rest/pulls/reviews', errors: ['Line could not be resolved'],
    });
    await app.probot.receive({ id: 'd-5', name: 'pull_request', payload: pullRequestEvent('opened') });
    await app.worker.drainOnce();
    expect(cardCheck()!.body).toMatchObject({ conclusion: 'failure' });
    expect(await app.store.getDelivery('d-5')).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('does not post the review again when its check is re-run on the same commit', async () => {
    const pr = fakePullRequest({ files: makeFiles(1, () => ({ path: 'models/bert/README.md', changeType: 'MODIFIED' })) });
    mockPullRequestReads(gh, pr, { pages: 1 });
    mockCardReads({ 'models/bert/README.md': CARD });
    mockCheckCreate(gh, checks, { times: 2 });
    mockNoCheckRuns(gh, HEAD);
    gh.rest('GET', `${REPO_PATH}/pulls/${NUMBER}/reviews`, {}, 200, reviewsPage([`Steward suggests a fix\n\n<!-- steward:card-review sha=${HEAD} -->`]));

    const rerun = checkRunEvent('rerequested');
    rerun.check_run.name = 'Steward / model cards';
    await app.probot.receive({ id: 'd-2', name: 'check_run', payload: rerun });
    await app.worker.drainOnce();

    expect(cardCheck()!.body).toMatchObject({ conclusion: 'failure' });
    expect(reviews).toEqual([]);
    expect(paths()).not.toContain(`GET ${REPO_PATH}/pulls/${NUMBER}/files`);
  });

  it('reads no card and writes no card check when the pull request changes none', async () => {
    const pr = fakePullRequest({ files: makeFiles(3, (i) => ({ path: `src/train-${i}.py` })) });
    mockPullRequestReads(gh, pr, { pages: 1 });
    mockCheckCreate(gh, checks);
    await app.probot.receive({ id: 'd-3', name: 'pull_request', payload: pullRequestEvent('synchronize') });
    await app.worker.drainOnce();
    expect(checks.map((c) => c.body.name)).toEqual(['Steward / style']);
    expect(paths()).toEqual(['POST /graphql', 'POST /graphql', `POST ${REPO_PATH}/check-runs`]); // the pull request and its file sizes
  });

  it('reads the 100 cards of a pull request in one request, suggesting fixes only on lines of the diff', async () => {
    const files = makeFiles(100, (i) => ({ path: `models/m${i}/README.md`, changeType: 'MODIFIED' }));
    const blobs: Blobs = Object.fromEntries(files.map((f, i) => [f.path, i === 42 ? CARD : '---\nlicense: mit\n---\n# m\n']));
    mockPullRequestReads(gh, fakePullRequest({ files }), { pages: 1 });
    mockCardReads(blobs);
    mockCheckCreate(gh, checks, { times: 2 });
    mockNoCheckRuns(gh, HEAD);
    gh.rest('GET', `${REPO_PATH}/pulls/${NUMBER}/reviews`, {}, 200, []);
    // Only the heading changed in the card with the bad license: no line of the diff to suggest on.
    gh.rest('GET', `${REPO_PATH}/pulls/${NUMBER}/files`, {}, 200, filesPage([{ filename: 'models/m42/README.md', patch: '@@ -4,2 +4,2 @@\n ---\n-# old\n+# Hello-World' }]));

    await app.probot.receive({ id: 'd-4', name: 'pull_request', payload: pullRequestEvent('opened') });
    await app.worker.drainOnce();

    expect(blobReads).toHaveLength(100);
    // The pull request with its page of file sizes, then all 100 cards in one query.
    expect(paths().filter((p) => p === 'POST /graphql')).toHaveLength(3);
    expect(cardQueries).toBe(1);
    expect(cardCheck()!.body).toMatchObject({ conclusion: 'failure', output: { title: '1 error in 100 changed cards' } });
    expect(reviews).toEqual([]);
  });
});
