/** GitHub failing under the App: retried with backoff, then reported on the check run, never left hanging. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { checkRunResponse } from '../../support/github-fixtures.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { createHarness, type Harness } from './harness.js';
import {
  HEAD, INSTALLATION, NUMBER, REPO_PATH, fakePullRequest, mockCheckCreate, mockPullRequestReads, pullRequestEvent, type CapturedCheck,
} from './github-world.js';

const SECOND = 1000;

describe('the App when GitHub fails', () => {
  let app: Harness;
  let gh: MockGitHub;
  let checks: CapturedCheck[];

  beforeEach(async () => {
    gh = mockGitHub();
    app = await createHarness({ backoffMs: [30 * SECOND, 120 * SECOND] });
    checks = [];
    gh.installationToken(INSTALLATION);
    await app.probot.receive({ id: 'd-1', name: 'pull_request', payload: pullRequestEvent('opened') });
  });
  afterEach(async () => {
    await app.close();
    gh.done();
  });

  it('tries a check write that GitHub answered with 502 again once the backoff has passed', async () => {
    mockPullRequestReads(gh, fakePullRequest(), { times: 2 });
    mockCheckCreate(gh, [], { status: 502 });
    mockCheckCreate(gh, checks);

    await app.worker.drainOnce();
    expect(await app.store.getDelivery('d-1')).toMatchObject({
      status: 'queued', attempts: 1, lastError: expect.stringMatching(/^GitHub answered 502 \(Bad Gateway\) to POST \/repos\/Codertocat\/Hello-World\/check-runs/),
    });
    app.advance(29 * SECOND);
    expect(await app.worker.drainOnce()).toBe(0);
    app.advance(1 * SECOND);
    expect(await app.worker.drainOnce()).toBe(1);

    expect(checks).toHaveLength(1);
    expect(checks[0]!.body).toMatchObject({ conclusion: 'success' });
    expect(await app.store.getDelivery('d-1')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('after the last attempt, completes the check run in progress as failed, saying why and how to re-run', async () => {
    mockPullRequestReads(gh, fakePullRequest(), { times: 3 });
    mockCheckCreate(gh, [], { status: 502, times: 3 });
    gh.rest('GET', `${REPO_PATH}/commits/${HEAD}/check-runs`, { query: { check_name: 'Steward / style', filter: 'latest', per_page: 1, app_id: 123 } }, 200, {
      total_count: 1,
      check_runs: [checkRunResponse({ id: 99, head_sha: HEAD, name: 'Steward / style', status: 'in_progress', conclusion: null })],
    });
    const patched: Record<string, unknown>[] = [];
    gh.rest('PATCH', `${REPO_PATH}/check-runs/99`, {}, 200, (req: { body: unknown }) => {
      patched.push(req.body as Record<string, unknown>);
      return checkRunResponse({ id: 99, status: 'completed', conclusion: 'failure' });
    });

    await app.worker.drainOnce();
    app.advance(30 * SECOND);
    await app.worker.drainOnce();
    app.advance(120 * SECOND);
    await app.worker.drainOnce();

    expect(await app.store.getDelivery('d-1')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(patched).toHaveLength(1);
    expect(patched[0]).toMatchObject({ status: 'completed', conclusion: 'failure', external_id: `{"pr":${NUMBER}}` });
    const output = patched[0]!.output as { title: string; summary: string };
    expect(output.title).toBe('Steward could not finish');
    expect(output.summary).toMatch(/^Steward could not finish: GitHub answered 502 \(Bad Gateway\) to POST \/repos\/Codertocat\/Hello-World\/check-runs/);
    expect(output.summary).toMatch(/It tried 3 times/);
    expect(output.summary).toMatch(/Re-run from the Checks tab or comment `\/steward recheck`\./);
    app.advance(3600 * SECOND);
    expect(await app.worker.drainOnce()).toBe(0);
  });
});
