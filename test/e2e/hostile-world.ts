/**
 * Hostile-input scenarios on the real process: many pull requests on one repository (each case its
 * own number and head, so no case sees another's check), `/steward` comments from people without
 * write access, and what "refused cleanly" means in the logs.
 */
import type { FakeCommit, FakeFile } from '../support/fake-github-graphql.js';
import { loadWebhookExample } from '../support/webhook-payloads.js';
import type { Standin } from '../standin/index.js';
import { findRepo, type CheckRunState } from '../standin/state.js';
import { E2E_INSTALLATION_ID, E2E_OWNER, E2E_PULL, E2E_REPO, pullRequestEvent } from './github-events.js';

export const CONFIG_PATH = '.github/steward.yml';
export const CARD_PATH = 'models/bert/README.md';

export interface HostilePull {
  number: number;
  headSha: string;
  title?: string;
  body?: string;
  headFiles?: Record<string, string>;
  files?: FakeFile[];
  commits?: FakeCommit[];
}

/** A head SHA per case: 40 hex digits from the case number. */
export function headFor(n: number): string {
  return n.toString(16).padStart(40, 'e');
}

/** Puts `text` at .github/steward.yml on the default branch (null removes it): what GraphQL's config read sees. */
export function setConfig(standin: Standin, text: string | null): void {
  const repo = findRepo(standin.state, E2E_OWNER, E2E_REPO)!;
  const files = repo.refs[repo.defaultBranch]!;
  if (text === null) delete files[CONFIG_PATH];
  else files[CONFIG_PATH] = text;
}

export function seedHostilePull(standin: Standin, pull: HostilePull): void {
  standin.seed.pullRequest({
    owner: E2E_OWNER, repo: E2E_REPO, number: pull.number, headSha: pull.headSha, title: pull.title ?? 'feat: add bert',
    ...(pull.body !== undefined ? { body: pull.body } : {}),
    ...(pull.files ? { files: pull.files } : { headFiles: pull.headFiles ?? { 'src/train.py': 'print("train")\n' } }),
    ...(pull.commits ? { commits: pull.commits } : {}),
  });
}

/** pull_request.opened for pull request `number` (GitHub's example, renumbered). */
export function openedEvent(number: number, headSha: string, body?: string): Record<string, unknown> {
  const payload = pullRequestEvent('opened', { headSha });
  payload.number = number;
  const pr = payload.pull_request as Record<string, unknown>;
  pr.number = number;
  if (body !== undefined) pr.body = body;
  return payload;
}

/** issue_comment.created on pull request #2 by `login` (GitHub's example, pointed at the stand-in's pull request). */
export function commentEvent(login: string, body: string, id: number): Record<string, unknown> {
  const payload = loadWebhookExample('issue_comment', 'created', { index: 3 });
  payload.installation = { id: E2E_INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.issue.number = E2E_PULL;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${E2E_OWNER}/${E2E_REPO}/pulls/${E2E_PULL}` };
  Object.assign(payload.comment, { id, body, user: { ...payload.comment.user, login } });
  return payload;
}

/** pull_request_review.submitted on pull request #2 by `login`. */
export function reviewEvent(login: string, body: string, headSha: string): Record<string, unknown> {
  const payload = loadWebhookExample('pull_request_review', 'submitted');
  payload.installation = { id: E2E_INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.pull_request.number = E2E_PULL;
  payload.pull_request.head.sha = headSha;
  Object.assign(payload.review, { body, user: { ...payload.review.user, login } });
  return payload;
}

export function checkAt(standin: Standin, sha: string, name: string): CheckRunState | undefined {
  return standin.state.checkRuns.find((run) => run.head_sha === sha && run.name === name);
}

/** Lines an operator would be alarmed by: warn and above (except `allowed`), and any stack trace. */
export function alarmingLines(logs: string[], allowed: RegExp[] = []): string[] {
  return logs.filter((line) => (/"level":(4|5|6)0\b/.test(line) || /"stack"|\\n\s+at /.test(line)) && !allowed.some((re) => re.test(line)));
}
