import { describe, it, expect, afterEach } from '@jest/globals';
import nock from 'nock';
import { createGitHubAdapter, GitHubError } from '../../../src/platform/github/create-github-adapter.js';
import { fitOutput, OUTPUT_LIMIT } from '../../../src/platform/github/check-run-body.js';
import type { CheckAnnotation } from '../../../src/platform/port.js';
import { basicError, checkRunResponse, rateLimitHeaders } from '../../support/github-fixtures.js';
import type { RestRequest } from '../../support/mock-github.js';
import { HEAD, makePlan, mockGitHub, testOctokit } from './setup.js';

const repo = { owner: 'acme', repo: 'models' };
const annotations = (n: number): CheckAnnotation[] => Array.from({ length: n }, (_, i) => ({
  path: `src/f${i}.ts`, startLine: i + 1, endLine: i + 1, startColumn: 1, endColumn: 4, level: 'warning', title: 'large-files', message: `finding ${i}`,
}));

afterEach(() => nock.cleanAll());

describe('GitHub adapter: publishing a check run', () => {
  it('writes 120 annotations in 3 requests: create with 50, then 50 and 20 appended', async () => {
    const bodies: unknown[] = [];
    const record = (id: number) => (req: RestRequest) => (bodies.push(req.body), checkRunResponse({ id }));
    const gh = mockGitHub()
      .rest('POST', '/repos/acme/models/check-runs', {}, 201, record(31))
      .rest('PATCH', '/repos/acme/models/check-runs/31', { times: 2 }, 200, record(31));
    const adapter = createGitHubAdapter(testOctokit());

    const result = await adapter.publishCheck(repo, makePlan({ annotations: annotations(120) }), null);

    expect(result).toEqual({ checkId: 31, written: true, requests: 3 });
    const sizes = bodies.map((b) => (b as { output: { annotations: unknown[] } }).output.annotations.length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(bodies[0]).toMatchObject({
      name: 'Steward / style', head_sha: HEAD, status: 'completed', conclusion: 'failure', external_id: '{"pr":7}',
      output: { title: '1 error', summary: expect.stringContaining('<!-- steward:fingerprint=0123456789abcdef -->') },
      actions: [{ label: 'Re-run', description: 'Run Steward again', identifier: 'rerun' }],
    });
    expect((bodies[0] as { output: { annotations: unknown[] } }).output.annotations[0]).toEqual({
      path: 'src/f0.ts', start_line: 1, end_line: 1, start_column: 1, end_column: 4, annotation_level: 'warning', title: 'large-files', message: 'finding 0',
    });
    expect((bodies[2] as { output: { annotations: { path: string }[] } }).output.annotations[19]!.path).toBe('src/f119.ts');
    gh.done();
  });

  it('updates a run that is still in progress, keeping its id', async () => {
    const gh = mockGitHub().rest('PATCH', '/repos/acme/models/check-runs/12', {}, 200, checkRunResponse({ id: 12 }));
    const result = await createGitHubAdapter(testOctokit()).publishCheck(repo, makePlan(), { id: 12, status: 'in_progress', fingerprint: null });
    expect(result).toEqual({ checkId: 12, written: true, requests: 1 });
    gh.done();
  });

  it('replaces a completed run with a different result by a new run, so no stale annotation stays', async () => {
    const gh = mockGitHub().rest('POST', '/repos/acme/models/check-runs', {}, 201, checkRunResponse({ id: 13 }));
    const result = await createGitHubAdapter(testOctokit()).publishCheck(repo, makePlan(), { id: 12, status: 'completed', fingerprint: 'old' });
    expect(result).toEqual({ checkId: 13, written: true, requests: 1 });
    gh.done();
  });

  it('updates a completed run that already shows the same annotations, sending none again', async () => {
    let sent: Record<string, unknown> | undefined;
    const gh = mockGitHub().rest('PATCH', '/repos/acme/models/check-runs/12', {}, 200, (req: RestRequest) => {
      sent = req.body as Record<string, unknown>;
      return checkRunResponse({ id: 12 });
    });
    const annotation: CheckAnnotation = { path: 'a.pem', startLine: 1, endLine: 1, level: 'failure', title: 't', message: 'm' };
    const plan = makePlan({ annotations: [annotation], annotationsFingerprint: 'same' });
    const result = await createGitHubAdapter(testOctokit()).publishCheck(repo, plan, { id: 12, status: 'completed', fingerprint: 'old', annotationsFingerprint: 'same' });
    expect(result).toEqual({ checkId: 12, written: true, requests: 1 });
    expect((sent?.output as { annotations?: unknown[] }).annotations ?? []).toEqual([]);
    gh.done();
  });

  it('drops columns GitHub would refuse on an annotation spanning lines', async () => {
    let sent: { output: { annotations: Record<string, unknown>[] } } | undefined;
    const gh = mockGitHub().rest('POST', '/repos/acme/models/check-runs', {}, 201, (req: RestRequest) => {
      sent = req.body as typeof sent;
      return checkRunResponse();
    });
    const spanning: CheckAnnotation = { path: 'a.md', startLine: 2, endLine: 5, startColumn: 3, endColumn: 1, level: 'failure', title: 't', message: 'm' };
    await createGitHubAdapter(testOctokit()).publishCheck(repo, makePlan({ annotations: [spanning] }), null);
    expect(sent?.output.annotations[0]).toEqual({ path: 'a.md', start_line: 2, end_line: 5, annotation_level: 'failure', title: 't', message: 'm' });
    gh.done();
  });

  it('turns GitHub 502 on create into a GitHubError naming the request id and the retry', async () => {
    const gh = mockGitHub().rest('POST', '/repos/acme/models/check-runs', { headers: { 'x-github-request-id': 'CAFE:1234:5678' } }, 502, basicError('Server Error'));
    const error = await createGitHubAdapter(testOctokit()).publishCheck(repo, makePlan(), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 502, requestId: 'CAFE:1234:5678', retryable: true, rateLimitReset: null });
    expect((error as Error).message).toBe('GitHub answered 502 for POST /repos/acme/models/check-runs (request id CAFE:1234:5678): Server Error; Steward will retry.');
    gh.done();
  });

  it('maps a rate-limit 403 to a GitHubError with the reset time', async () => {
    const headers = { ...rateLimitHeaders({ resetAt: 1_900_000_000 }), 'x-github-request-id': 'BEEF:1' };
    const gh = mockGitHub().rest('POST', '/repos/acme/models/check-runs', { headers }, 403, basicError('API rate limit exceeded for installation ID 1.'));
    const error = await createGitHubAdapter(testOctokit()).publishCheck(repo, makePlan(), null).catch((e: unknown) => e) as GitHubError;
    expect(error).toBeInstanceOf(GitHubError);
    expect(error.rateLimitReset?.toISOString()).toBe('2030-03-17T17:46:40.000Z');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/rate limit is used up for POST \/repos\/acme\/models\/check-runs \(request id BEEF:1\); it resets at 2030-03-17T17:46:40.000Z/);
    gh.done();
  });

  it('says how to fix a permission refusal, and does not promise a retry', async () => {
    const gh = mockGitHub().rest('POST', '/repos/acme/models/check-runs', {}, 403, basicError('Resource not accessible by integration'));
    const error = await createGitHubAdapter(testOctokit()).publishCheck(repo, makePlan(), null).catch((e: unknown) => e) as GitHubError;
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/refused POST .* with 403: Resource not accessible by integration\. Check that the Steward App is installed/);
    gh.done();
  });
});

describe('fitOutput', () => {
  it('trims an overlong summary with a note and keeps the fingerprint comment', () => {
    const summary = `${'x'.repeat(70_000)}\n\n<!-- steward:fingerprint=abcdef0123456789 -->`;
    const fitted = fitOutput(summary, 'the summary');
    expect(fitted.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(fitted).toMatch(/Steward trimmed the summary: GitHub shows at most 65,535 characters\._\n\n<!-- steward:fingerprint=abcdef0123456789 -->$/);
    expect(fitOutput('short', 'the summary')).toBe('short');
  });
});
