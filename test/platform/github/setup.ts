/** Shared set-up for the GitHub adapter tests: a real ProbotOctokit against the honest mock. */
import { ProbotOctokit } from 'probot';
import type { CheckPlan } from '../../../src/platform/port.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { answerGraphql, type FakePullRequest } from '../../support/fake-github-graphql.js';

export const HEAD = 'a'.repeat(40);
export const APP_ID = 4242;

export function testOctokit() {
  return new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } });
}

/** Mocks the first pull-request query once and `pages` follow-up queries, all answered by the fake. */
export function mockPullRequestReads(gh: MockGitHub, pr: FakePullRequest, pages: number): MockGitHub {
  gh.graphql('query StewardPullRequest(', (variables, query) => answerGraphql(pr, query, variables));
  if (pages > 0) gh.graphql('query StewardPullRequestPage(', (variables, query) => answerGraphql(pr, query, variables), { times: pages });
  return gh;
}

export function basePullRequest(overrides: Partial<FakePullRequest> = {}): FakePullRequest {
  return { owner: 'acme', repo: 'models', number: 7, headSha: HEAD, commits: [], files: [], ...overrides };
}

export function makePlan(overrides: Partial<CheckPlan> = {}): CheckPlan {
  return {
    name: 'Steward / style', headSha: HEAD, conclusion: 'failure', title: '1 error',
    summary: '| Rule | Result |\n| --- | --- |\n| commit-signoff | 1 error |\n\n<!-- steward:fingerprint=0123456789abcdef -->',
    text: null, annotations: [], actions: [{ label: 'Re-run', description: 'Run Steward again', identifier: 'rerun' }],
    fingerprint: '0123456789abcdef', annotationsFingerprint: 'a0a0a0a0a0a0a0a0', externalId: '{"pr":7}', ...overrides,
  };
}

export { mockGitHub };
