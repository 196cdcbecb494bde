/** Workflow runs, cancelling, the evaluation comment kept in place, and the default branch. */
import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { createGitHubAdapter, GitHubError } from '../../../src/platform/github/create-github-adapter.js';
import { basicError, issueCommentResponse, restExample, withOverrides } from '../../support/github-fixtures.js';
import type { RestRequest } from '../../support/mock-github.js';
import { mockGitHub, testOctokit } from './setup.js';

afterEach(() => nock.cleanAll());

const REPO = { owner: 'acme', repo: 'models' };

function run(overrides: Record<string, unknown>) {
  return withOverrides(restExample('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}'), overrides);
}

describe('GitHub adapter: workflow runs', () => {
  it('lists dispatched runs created since a moment, with run-name and minutes', async () => {
    const since = new Date('2026-11-28T10:00:00.750Z');
    const runs = [
      run({ id: 2, display_title: 'steward eval d-2', status: 'in_progress', conclusion: null, head_sha: 'b'.repeat(40),
        run_started_at: '2026-11-28T10:01:00Z', updated_at: '2026-11-28T10:13:30Z' }),
      run({ id: 1, display_title: 'steward eval d-1', status: 'completed', conclusion: 'success', head_sha: 'a'.repeat(40),
        run_started_at: '2026-11-28T10:00:10Z', updated_at: '2026-11-28T10:00:40Z' }),
    ];
    const gh = mockGitHub().rest('GET', '/repos/acme/models/actions/workflows/steward-eval.yml/runs',
      { query: { event: 'workflow_dispatch', created: '>=2026-11-28T10:00:00Z', per_page: 100 } }, 200, { total_count: 2, workflow_runs: runs });
    const listed = await createGitHubAdapter(testOctokit()).listWorkflowRuns(REPO, 'steward-eval.yml', { createdAfter: since });
    expect(listed).toEqual([
      { id: 2, displayTitle: 'steward eval d-2', status: 'in_progress', conclusion: null, headSha: 'b'.repeat(40), minutes: 12.5 },
      { id: 1, displayTitle: 'steward eval d-1', status: 'completed', conclusion: 'success', headSha: 'a'.repeat(40), minutes: 0.5 },
    ]);
    gh.done();
  });

  it('reads one run, and names it when GitHub does not know it', async () => {
    const gh = mockGitHub()
      .rest('GET', '/repos/acme/models/actions/runs/30433642', {}, 200, run({ display_title: 'steward eval d-9', conclusion: 'failure', status: 'completed' }))
      .rest('GET', '/repos/acme/models/actions/runs/5', {}, 404, basicError('Not Found'));
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.getWorkflowRun(REPO, 30433642)).toMatchObject({ id: 30433642, displayTitle: 'steward eval d-9', status: 'completed', conclusion: 'failure' });
    const error = await adapter.getWorkflowRun(REPO, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 404, operation: 'GET /repos/acme/models/actions/runs/5' });
    gh.done();
  });

  it('cancels a run, and takes "already finished" (409) as done', async () => {
    const gh = mockGitHub()
      .rest('POST', '/repos/acme/models/actions/runs/8/cancel', {}, 202, {})
      .rest('POST', '/repos/acme/models/actions/runs/9/cancel', {}, 409, basicError('Cannot cancel a workflow run that is completed.'))
      .rest('POST', '/repos/acme/models/actions/runs/10/cancel', {}, 503, basicError('Service Unavailable'));
    const adapter = createGitHubAdapter(testOctokit());
    await expect(adapter.cancelWorkflowRun(REPO, 8)).resolves.toBeUndefined();
    await expect(adapter.cancelWorkflowRun(REPO, 9)).resolves.toBeUndefined();
    await expect(adapter.cancelWorkflowRun(REPO, 10)).rejects.toMatchObject({ status: 503, retryable: true });
    gh.done();
  });
});

describe('GitHub adapter: upsertComment', () => {
  it('edits the existing comment in place', async () => {
    let sent: unknown;
    const gh = mockGitHub().rest('PATCH', '/repos/acme/models/issues/comments/444', {}, 200,
      (req: RestRequest) => ((sent = req.body), withOverrides(restExample('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}'), { id: 444 })));
    expect(await createGitHubAdapter(testOctokit()).upsertComment(REPO, 7, 'Evaluation: 3 of 8 shards done', 444)).toBe(444);
    expect(sent).toEqual({ body: 'Evaluation: 3 of 8 shards done' });
    gh.done();
  });

  it('creates a new comment when there is none, or someone deleted it (404)', async () => {
    const gh = mockGitHub()
      .rest('POST', '/repos/acme/models/issues/7/comments', {}, 201, issueCommentResponse({ id: 501 }))
      .rest('PATCH', '/repos/acme/models/issues/comments/444', {}, 404, basicError('Not Found'))
      .rest('POST', '/repos/acme/models/issues/7/comments', {}, 201, issueCommentResponse({ id: 502 }));
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.upsertComment(REPO, 7, 'first', null)).toBe(501);
    expect(await adapter.upsertComment(REPO, 7, 'again', 444)).toBe(502);
    expect(gh.requests().map((r) => r.method)).toEqual(['POST', 'PATCH', 'POST']);
    gh.done();
  });

  it('does not post a second comment when the edit fails for another reason', async () => {
    const gh = mockGitHub().rest('PATCH', '/repos/acme/models/issues/comments/444', {}, 403, basicError('Resource not accessible by integration'));
    const error = await createGitHubAdapter(testOctokit()).upsertComment(REPO, 7, 'x', 444).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, operation: 'PATCH /repos/acme/models/issues/comments/444' });
    expect(gh.requestCount()).toBe(1);
    gh.done();
  });
});

describe('GitHub adapter: defaultBranch', () => {
  it('reads the repository\'s default branch', async () => {
    // GitHub's own example omits the required `language` (here and in `source`); a real answer has it.
    const repo = withOverrides(restExample('GET', '/repos/{owner}/{repo}'), { default_branch: 'trunk', language: 'Python', source: { language: null } });
    const gh = mockGitHub().rest('GET', '/repos/acme/models', {}, 200, repo);
    expect(await createGitHubAdapter(testOctokit()).defaultBranch(REPO)).toBe('trunk');
    gh.done();
  });
});
