/** The stand-in's REST side through a real @octokit/rest client: state, contract, auth. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import { restClient, startStandin, type Standin } from './index.js';

const HEAD = 'a'.repeat(40);
let gh: Standin;
let octokit: Octokit;

beforeEach(async () => {
  gh = await startStandin({ appId: 123 });
  gh.seed.repository({ owner: 'acme', name: 'models', permissions: { ada: 'write' } });
  gh.seed.pullRequest({ owner: 'acme', repo: 'models', number: 7, headSha: HEAD, headFiles: { 'README.md': '# hi' } });
  octokit = restClient(gh);
});
afterEach(async () => gh.close());

/** Untyped, so a test can send what Octokit's types would stop: the stand-in must refuse it. */
const loose = (route: string, params: Record<string, unknown>) => octokit.request(route, params);
const statusOf = (promise: Promise<unknown>) => promise.then(() => 200, (e: { status?: number }) => e.status);

describe('the GitHub stand-in over REST', () => {
  it('keeps a check run it was sent and reads it back, as GitHub shapes it', async () => {
    const created = await octokit.rest.checks.create({
      owner: 'acme', repo: 'models', name: 'Steward', head_sha: HEAD, status: 'in_progress', output: { title: 'Checking', summary: 'wait' },
    });
    expect(created.status).toBe(201);
    await octokit.rest.checks.update({
      owner: 'acme', repo: 'models', check_run_id: created.data.id, conclusion: 'success',
      output: { title: 'Done', summary: 'All good', annotations: [{ path: 'README.md', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'ok' }] },
    });
    const read = await octokit.rest.checks.get({ owner: 'acme', repo: 'models', check_run_id: created.data.id });
    expect(read.data).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'success', output: { summary: 'All good', annotations_count: 1 } });
    const listed = await octokit.rest.checks.listForRef({ owner: 'acme', repo: 'models', ref: HEAD, check_name: 'Steward', filter: 'latest' });
    expect(listed.data.check_runs.map((r) => r.id)).toEqual([created.data.id]);
    expect(gh.writes().map((w) => `${w.method} ${w.route}`)).toEqual([
      'POST /repos/{owner}/{repo}/check-runs', 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    ]);
    expect(gh.requests()[0]).toMatchObject({ path: '/repos/acme/models/check-runs', received: '/api/v3/repos/acme/models/check-runs', status: 201, auth: 'installation-token' });
    expect(gh.violations()).toEqual([]);
  });

  it('answers pull requests, their files, comments and permissions from the seeded state', async () => {
    const pull = await octokit.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: 7 });
    expect(pull.data).toMatchObject({ number: 7, head: { sha: HEAD } });
    const files = await octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'models', pull_number: 7 });
    expect(files.data.map((f) => f.filename)).toEqual(['README.md']);
    const comment = await octokit.rest.issues.createComment({ owner: 'acme', repo: 'models', issue_number: 7, body: 'hello' });
    await octokit.rest.issues.updateComment({ owner: 'acme', repo: 'models', comment_id: comment.data.id, body: 'edited' });
    expect(gh.state.comments.map((c) => c.body)).toEqual(['edited']);
    const permission = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: 'acme', repo: 'models', username: 'ada' });
    expect(permission.data.permission).toBe('write');
    const dispatched = await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner: 'acme', repo: 'models', workflow_id: 'eval.yml', ref: 'main', inputs: { shard: '1' }, return_run_details: true,
    });
    const run = await octokit.rest.actions.getWorkflowRun({ owner: 'acme', repo: 'models', run_id: (dispatched.data as { workflow_run_id: number }).workflow_run_id });
    expect(run.data.status).toBe('queued');
    expect(gh.state.dispatches).toMatchObject([{ workflowId: 'eval.yml', ref: 'main', inputs: { shard: '1' } }]);
    await octokit.rest.pulls.createReview({ owner: 'acme', repo: 'models', pull_number: 7, commit_id: HEAD, event: 'COMMENT', body: 'marker', comments: [{ path: 'README.md', line: 1, side: 'RIGHT', body: 'here' }] });
    const reviews = await octokit.rest.pulls.listReviews({ owner: 'acme', repo: 'models', pull_number: 7, per_page: 100 });
    expect(reviews.data.map((r) => [r.body, r.state])).toEqual([['marker', 'COMMENTED']]);
    expect(await statusOf(octokit.rest.pulls.get({ owner: 'acme', repo: 'models', pull_number: 8 }))).toBe(404);
    expect(gh.violations()).toEqual([]);
  });

  it.each([
    ['an undeclared query key', () => octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: 'acme', repo: 'models', ref: HEAD, checkName: 'x' }), /query parameter "checkName" is not accepted/],
    ['a body that misses a required field', () => loose('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'models', name: 'Steward' }), /must have required property 'head_sha'/],
    ['a body with a wrong enum value', () => loose('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner: 'acme', repo: 'models', check_run_id: 1, conclusion: 'passed' }), /conclusion/],
  ])('refuses %s with 422 and records it as a violation', async (_name, send, problem) => {
    const error = (await send().catch((e: unknown) => e)) as { status: number; response: { data: { message: string } } };
    expect(error.status).toBe(422);
    expect(error.response.data.message).toMatch(problem);
    expect(gh.violations()).toMatchObject([{ kind: 'request', problems: [expect.stringMatching(problem)] }]);
    expect(gh.state.checkRuns).toEqual([]);
  });

  it('records a route GitHub does not have as a violation and answers 404', async () => {
    expect(await statusOf(octokit.request('GET /repos/acme/models/no-such-thing'))).toBe(404);
    expect(gh.violations()).toMatchObject([{ kind: 'request', path: '/repos/acme/models/no-such-thing' }]);
  });

  it('requires an installation token it issued, records only the kind, never the secret', async () => {
    const token = gh.issueToken(1);
    const forged = 'ghs_' + 'x'.repeat(36);
    expect(await statusOf(restClient(gh, '').rest.repos.get({ owner: 'acme', repo: 'models' }))).toBe(401);
    expect(await statusOf(restClient(gh, forged).rest.repos.get({ owner: 'acme', repo: 'models' }))).toBe(401);
    expect(await statusOf(restClient(gh, token).rest.repos.get({ owner: 'acme', repo: 'models' }))).toBe(200);
    expect(await statusOf(restClient(gh, token).request('POST /app/installations/{installation_id}/access_tokens', { installation_id: 1 }))).toBe(401);
    expect(gh.requests().map((r) => [r.status, r.auth])).toEqual([[401, 'none'], [401, 'invalid'], [200, 'installation-token'], [401, 'installation-token']]);
    expect(JSON.stringify(gh.requests())).not.toContain(token);
    expect(gh.state.checkRuns).toEqual([]);
  });
});
