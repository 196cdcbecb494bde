import { describe, it, expect } from '@jest/globals';
import { checkRestCall, describeOperation } from './openapi-contract.js';
import { checkRunResponse, issueCommentResponse, pullRequestResponse, restExample, withOverrides, basicError } from './github-fixtures.js';

const createBody = { name: 'Steward / style', head_sha: 'a'.repeat(40), status: 'completed', conclusion: 'success', output: { title: 't', summary: 's' } };

describe('checkRestCall', () => {
  it('accepts a check run created as GitHub documents it', () => {
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/check-runs', requestBody: createBody, status: 201, responseBody: checkRunResponse() })).toEqual([]);
  });

  it('rejects a route GitHub does not have, and a method the route does not take', () => {
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/check-run', status: 201, responseBody: {} })[0]).toMatch(/no such route/);
    expect(checkRestCall({ method: 'PUT', path: '/repos/o/r/check-runs/5', status: 200, responseBody: {} })[0]).toMatch(/no such route/);
  });

  it('matches templated paths, preferring the most literal template', () => {
    expect(describeOperation('PATCH', '/repos/o/r/check-runs/42')).toBe('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id} (checks/update)');
    expect(describeOperation('GET', '/orgs/acme/members/ada')).toContain('orgs/check-membership-for-user');
  });

  it('rejects a response missing a required property', () => {
    const trimmed = checkRunResponse();
    delete trimmed.head_sha;
    const problems = checkRestCall({ method: 'POST', path: '/repos/o/r/check-runs', requestBody: createBody, status: 201, responseBody: trimmed });
    expect(problems).toEqual([expect.stringContaining("must have required property 'head_sha'")]);
  });

  it('accepts null where OpenAPI says nullable, and rejects a wrong enum value', () => {
    const ok = checkRunResponse({ completed_at: null, conclusion: null, status: 'in_progress' });
    expect(checkRestCall({ method: 'PATCH', path: '/repos/o/r/check-runs/4', requestBody: { status: 'in_progress' }, status: 200, responseBody: ok })).toEqual([]);
    const bad = checkRunResponse({ conclusion: 'passed' });
    expect(checkRestCall({ method: 'PATCH', path: '/repos/o/r/check-runs/4', requestBody: { status: 'in_progress' }, status: 200, responseBody: bad }).join('\n')).toMatch(/conclusion/);
  });

  it('rejects a request body GitHub would refuse (more than 50 annotations, a missing head_sha)', () => {
    const annotation = { path: 'a', start_line: 1, end_line: 1, annotation_level: 'warning', message: 'm' };
    const tooMany = { ...createBody, output: { ...createBody.output, annotations: Array(51).fill(annotation) } };
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/check-runs', requestBody: tooMany, status: 201, responseBody: checkRunResponse() }).join('\n'))
      .toMatch(/annotations must NOT have more than 50 items/);
    const { head_sha: _dropped, ...noSha } = createBody;
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/check-runs', requestBody: noSha, status: 201, responseBody: checkRunResponse() }).join('\n'))
      .toMatch(/required property 'head_sha'/);
  });

  it('checks query parameters against the declared ones', () => {
    expect(checkRestCall({ method: 'GET', path: '/repos/o/r/pulls/1/files', query: { per_page: '100', page: '2' }, status: 200, responseBody: [] })).toEqual([]);
    expect(checkRestCall({ method: 'GET', path: '/repos/o/r/pulls/1/files?perpage=100', status: 200, responseBody: [] })[0]).toMatch(/"perpage" is not accepted/);
  });

  it('allows outage and rate-limit statuses on any route, but not invented ones', () => {
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/check-runs', requestBody: createBody, status: 502, responseBody: basicError('Server Error') })).toEqual([]);
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/check-runs', requestBody: createBody, status: 403, responseBody: basicError('API rate limit exceeded') })).toEqual([]);
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/check-runs', requestBody: createBody, status: 418, responseBody: {} })[0]).toMatch(/status 418 is not documented/);
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/check-runs', requestBody: createBody, status: 403, responseBody: { msg: 'x' } }).join('\n')).toMatch(/message/);
  });

  it('treats a 204 as having no body', () => {
    expect(checkRestCall({ method: 'GET', path: '/orgs/acme/members/ada', status: 204 })).toEqual([]);
    expect(checkRestCall({ method: 'GET', path: '/orgs/acme/members/ada', status: 204, responseBody: { member: true } })[0]).toMatch(/no body/);
  });
});

describe('github fixtures', () => {
  it('are valid GitHub responses and fresh copies each time', () => {
    expect(checkRestCall({ method: 'GET', path: '/repos/o/r/pulls/1', status: 200, responseBody: pullRequestResponse({ title: 'feat: x' }) })).toEqual([]);
    expect(checkRestCall({ method: 'POST', path: '/repos/o/r/issues/1/comments', requestBody: { body: 'hi' }, status: 201, responseBody: issueCommentResponse() })).toEqual([]);
    const a = checkRunResponse();
    (a.output as { title: string }).title = 'changed';
    expect((checkRunResponse().output as { title: string }).title).not.toBe('changed');
  });

  it('deep-merges overrides, replacing arrays', () => {
    const merged = withOverrides({ a: { b: 1, c: 2 }, list: [1, 2] }, { a: { c: 3 }, list: [9] });
    expect(merged).toEqual({ a: { b: 1, c: 3 }, list: [9] });
  });

  it('names the examples that exist when a status has none', () => {
    expect(() => restExample('GET', '/orgs/{org}/members/{username}')).toThrow(/no example for status 204/);
  });
});
