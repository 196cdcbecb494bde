/**
 * The GitHub side of the App tests: one pull request that the fake GraphQL of the adapter tests
 * answers (through the honest mock), plus builders for the REST answers the App needs.
 */
import { answerGraphql, makeCommits, type FakePullRequest } from '../../support/fake-github-graphql.js';
import { checkRunResponse, issueCommentResponse, restExample, withOverrides } from '../../support/github-fixtures.js';
import type { MockGitHub } from '../../support/mock-github.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { APP_ID } from './test-probot.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const NUMBER = 2;
export const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const INSTALLATION = 1;
export const CHECK_ID = 4711;
export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

/** The pull request of the `pull_request.opened` example, with commits that pass the default rules. */
export function fakePullRequest(overrides: Partial<FakePullRequest> = {}): FakePullRequest {
  return {
    owner: OWNER, repo: REPO, number: NUMBER, headSha: HEAD,
    title: 'feat: add the model card', commits: makeCommits(2), files: [], ...overrides,
  };
}

/**
 * Reads of the pull request, answered by the fake: `times` first queries, and `pages` follow-ups
 * (one is needed to find the existing check when the event does not name the head commit).
 */
export function mockPullRequestReads(gh: MockGitHub, pr: FakePullRequest, options: { times?: number; pages?: number } = {}): void {
  gh.graphql('query StewardPullRequest(', (variables, query) => answerGraphql(pr, query, variables), { times: options.times ?? 1 });
  if (options.pages) gh.graphql('query StewardPullRequestPage(', (variables, query) => answerGraphql(pr, query, variables), { times: options.pages });
}

/** GitHub's list of the pull requests of a commit, answering `numbers` as open PRs with that head. */
export function mockPullRequestsOfCommit(gh: MockGitHub, sha: string, numbers: number[]): void {
  const [example] = restExample('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls') as unknown as Record<string, unknown>[];
  const answer = numbers.map((number) => withOverrides(example!, { number, state: 'open', head: { sha }, requested_teams: [] }));
  gh.rest('GET', `${REPO_PATH}/commits/${sha}/pulls`, {}, 200, answer);
}

/** The check runs of a commit, filtered to ours by name: none yet. */
export function mockNoCheckRuns(gh: MockGitHub, sha: string): void {
  gh.rest('GET', `${REPO_PATH}/commits/${sha}/check-runs`, {}, 200, { total_count: 0, check_runs: [] });
}

export interface CapturedCheck {
  body: Record<string, unknown>;
}

/** Mocks `times` check-run creates that GitHub answers with `status`, and records what was sent. */
export function mockCheckCreate(
  gh: MockGitHub,
  captured: CapturedCheck[],
  options: { status?: number; times?: number; showOn?: FakePullRequest } = {},
): void {
  const status = options.status ?? 201;
  gh.rest('POST', `${REPO_PATH}/check-runs`, { times: options.times }, status, (req: { body: unknown }) => {
    captured.push({ body: req.body as Record<string, unknown> });
    const body = req.body as { head_sha: string; output: { summary: string; annotations?: unknown[] } };
    // Like GitHub, later reads of the pull request show the run just created.
    if (options.showOn && status === 201) {
      options.showOn.checkRuns = [{
        databaseId: CHECK_ID, name: 'Steward / style', status: 'COMPLETED', summary: body.output.summary, annotations: body.output.annotations?.length ?? 0,
      }];
    }
    return status === 201
      ? checkRunResponse({ id: CHECK_ID, head_sha: body.head_sha, name: 'Steward / style' })
      : { message: 'Server Error', documentation_url: 'https://docs.github.com/rest' };
  });
}

export function summaryOf(check: CapturedCheck): string {
  return (check.body.output as { summary: string }).summary;
}

export function mockPermission(gh: MockGitHub, username: string, role: 'admin' | 'maintain' | 'write' | 'triage' | 'read'): void {
  const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
  const base = restExample('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission');
  gh.rest('GET', `${REPO_PATH}/collaborators/${username}/permission`, {}, 200,
    withOverrides(base, { permission, role_name: role, user: { login: username, role_name: role } }));
}

export function mockComment(gh: MockGitHub, bodies: string[], number = NUMBER): void {
  gh.rest('POST', `${REPO_PATH}/issues/${number}/comments`, {}, 201, (req: { body: unknown }) => {
    bodies.push((req.body as { body: string }).body);
    return issueCommentResponse();
  });
}

/** Webhook payloads of the App tests, all on the same repository, pull request and installation. */
export function pullRequestEvent(action = 'opened') {
  return loadWebhookExample('pull_request', 'opened', { index: 1, as: action });
}

export function checkRunEvent(action: 'rerequested' | 'requested_action', headSha = HEAD) {
  const payload = loadWebhookExample('check_run', action);
  payload.repository = pullRequestEvent().repository;
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.check_run.name = 'Steward / style';
  payload.check_run.app.id = APP_ID;
  payload.check_run.head_sha = headSha;
  payload.check_run.external_id = JSON.stringify({ pr: NUMBER });
  payload.check_run.pull_requests = [];
  if (action === 'requested_action') payload.requested_action = { identifier: 'rerun' };
  return payload;
}

/** check_suite.requested for the pull request's head, listing the pull request as GitHub does for same-repo branches. */
export function checkSuiteEvent() {
  const payload = loadWebhookExample('check_suite', 'requested');
  const { repository } = pullRequestEvent();
  payload.repository = repository;
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.check_suite.head_sha = HEAD;
  payload.check_suite.pull_requests = [{
    url: `https://api.github.com${REPO_PATH}/pulls/${NUMBER}`, id: 1, number: NUMBER,
    head: { ref: 'changes', sha: HEAD, repo: { id: repository.id, url: repository.url, name: repository.name } },
    base: { ref: 'master', sha: 'f'.repeat(40), repo: { id: repository.id, url: repository.url, name: repository.name } },
  }];
  return payload;
}

export function commentEvent(body: string, login = 'Codertocat') {
  const payload = loadWebhookExample('issue_comment', 'created', { index: 3 });
  payload.issue.number = NUMBER;
  payload.issue.pull_request = { url: `https://api.github.com${REPO_PATH}/pulls/${NUMBER}` };
  payload.comment.body = body;
  payload.comment.user.login = login;
  payload.sender.login = login;
  return payload;
}
