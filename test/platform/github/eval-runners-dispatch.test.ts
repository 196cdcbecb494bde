/** The evaluation side of the adapter: self-hosted runners and workflow dispatch. */
import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { createGitHubAdapter, GitHubError } from '../../../src/platform/github/create-github-adapter.js';
import type { GitHubClient } from '../../../src/platform/github/github-client.js';
import { basicError, restExample, withOverrides } from '../../support/github-fixtures.js';
import type { RestRequest } from '../../support/mock-github.js';
import { mockGitHub, testOctokit } from './setup.js';

afterEach(() => nock.cleanAll());

const REPO = { owner: 'acme', repo: 'models' };

function runner(id: number, name: string, status: 'online' | 'offline', busy: boolean, labels: string[]) {
  const [example] = (restExample('GET', '/orgs/{org}/actions/runners') as { runners: Record<string, unknown>[] }).runners;
  return { ...example!, id, name, status, busy, labels: labels.map((l, i) => ({ id: i + 1, name: l, type: 'custom' })) };
}

function runnerPage(runners: Record<string, unknown>[], total = runners.length) {
  return { total_count: total, runners };
}

describe('GitHub adapter: listRunners', () => {
  it('reads the organisation\'s runners, all pages, as online/busy/labels', async () => {
    const many = Array.from({ length: 100 }, (_, i) => runner(i + 1, `gpu-${i}`, 'online', i % 2 === 0, ['self-hosted', 'gpu']));
    const gh = mockGitHub()
      .rest('GET', '/orgs/acme/actions/runners', { query: { per_page: 100, page: 1 } }, 200, runnerPage(many, 102))
      .rest('GET', '/orgs/acme/actions/runners', { query: { per_page: 100, page: 2 } }, 200,
        runnerPage([runner(101, 'a100-1', 'offline', false, ['self-hosted', 'a100']), runner(102, 'cpu-1', 'online', true, ['cpu'])], 102));
    const runners = await createGitHubAdapter(testOctokit()).listRunners(REPO);
    expect(runners).toHaveLength(102);
    expect(runners![0]).toEqual({ name: 'gpu-0', online: true, busy: true, labels: ['self-hosted', 'gpu'] });
    expect(runners!.slice(100)).toEqual([
      { name: 'a100-1', online: false, busy: false, labels: ['self-hosted', 'a100'] },
      { name: 'cpu-1', online: true, busy: true, labels: ['cpu'] },
    ]);
    gh.done();
  });

  it('answers null, not an error, when the organisation\'s runners are refused (403) or the owner is a user (404), and asks nothing else', async () => {
    const gh = mockGitHub()
      .rest('GET', '/orgs/acme/actions/runners', {}, 403, basicError('Resource not accessible by integration'))
      .rest('GET', '/orgs/ada/actions/runners', {}, 404, basicError('Not Found'));
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.listRunners(REPO)).toBeNull();
    expect(await adapter.listRunners({ owner: 'ada', repo: 'llm' })).toBeNull();
    expect(gh.requestCount()).toBe(2);
    gh.done();
  });

  it('does not hide an outage behind the fallback', async () => {
    const gh = mockGitHub().rest('GET', '/orgs/acme/actions/runners', {}, 502, basicError('Server Error'));
    const error = await createGitHubAdapter(testOctokit()).listRunners(REPO).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 502, retryable: true, operation: 'GET /orgs/acme/actions/runners' });
    gh.done();
  });
});

describe('GitHub adapter: dispatchWorkflow', () => {
  const dispatch = { workflow: 'steward-eval.yml', ref: 'main', inputs: { run: 'r-1', shards: '[{"shard":0}]' } };
  const route = '/repos/acme/models/actions/workflows/steward-eval.yml/dispatches';

  it('asks for the run\'s details and gives back its id', async () => {
    let sent: unknown;
    const answer = withOverrides(restExample('POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'), { workflow_run_id: 987654 });
    const gh = mockGitHub().rest('POST', route, {}, 200, (req: RestRequest) => ((sent = req.body), answer));
    expect(await createGitHubAdapter(testOctokit()).dispatchWorkflow(REPO, dispatch)).toEqual({ workflowRunId: 987654 });
    expect(sent).toEqual({ ref: 'main', inputs: dispatch.inputs, return_run_details: true });
    gh.done();
  });

  it('answers null when GitHub starts the run without saying which (204)', async () => {
    const gh = mockGitHub().rest('POST', route, {}, 204);
    expect(await createGitHubAdapter(testOctokit()).dispatchWorkflow(REPO, dispatch)).toEqual({ workflowRunId: null });
    gh.done();
  });

  it('names the workflow when GitHub refuses the dispatch', async () => {
    const gh = mockGitHub().rest('POST', route, {}, 404, basicError('Not Found'));
    const error = await createGitHubAdapter(testOctokit()).dispatchWorkflow(REPO, dispatch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toContain('POST /repos/acme/models/actions/workflows/steward-eval.yml/dispatches');
    gh.done();
  });

  // GitHub Enterprise Server before return_run_details answers 422; its OpenAPI description documents
  // only 204, so the honest mock cannot serve it: a fake client stands in for Octokit here.
  it('retries once without return_run_details when an older GHES rejects it', async () => {
    const bodies: Record<string, unknown>[] = [];
    const ghes: GitHubClient = {
      async request(_route, params = {}) {
        bodies.push(params);
        if ('return_run_details' in params) {
          throw Object.assign(new Error('Invalid request.'), { status: 422, response: { data: { message: 'Invalid request.\n\n"return_run_details" is not a permitted key.' }, headers: {} } });
        }
        return { status: 204, data: '', headers: {} };
      },
      graphql: async () => ({}),
    };
    expect(await createGitHubAdapter(ghes).dispatchWorkflow(REPO, dispatch)).toEqual({ workflowRunId: null });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).not.toHaveProperty('return_run_details');
    expect(bodies[1]).toMatchObject({ ref: 'main', inputs: dispatch.inputs, workflow_id: 'steward-eval.yml' });
  });

  it('does not retry a 422 about something else (a wrong input is the workflow author\'s to fix)', async () => {
    let calls = 0;
    const ghes: GitHubClient = {
      async request() {
        calls++;
        throw Object.assign(new Error('Unexpected inputs provided: ["shards"]'), { status: 422, response: { data: { message: 'Unexpected inputs provided: ["shards"]' }, headers: {} } });
      },
      graphql: async () => ({}),
    };
    const error = await createGitHubAdapter(ghes).dispatchWorkflow(REPO, dispatch).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toContain('Unexpected inputs provided');
  });
});
