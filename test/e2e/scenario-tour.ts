/**
 * A tour of what the App does, for tests that look at the whole run rather than one answer (the
 * secrets in its log, the routes it called): a forged delivery, a pull request that changes a card
 * and starts an evaluation, with one 502 on the check-run write (retried by the queue: start the
 * App with a short STEWARD_RETRY_BACKOFF_MS), then `/steward recheck` from a writer and from a
 * reader (who gets a polite reply).
 */
import { expect } from '@jest/globals';
import type { Standin } from '../standin/index.js';
import type { AppProcess } from './app-process.js';
import { E2E_OWNER, E2E_PULL, E2E_REPO, pullRequestEvent } from './github-events.js';
import { waitFor, waitForQuiet } from './wait.js';
import { CARD, CARD_CHECK, EVAL_CONFIG, STYLE_CHECK, checksCompleted, seedPull } from './world.js';
import { loadWebhookExample } from '../support/webhook-payloads.js';

export const TOUR_HEAD = '7'.repeat(40);
export const WRITER = 'Codertocat';
export const READER = 'octo-reader';

export function seedTour(standin: Standin): void {
  standin.seed.repository({
    owner: E2E_OWNER, name: E2E_REPO, defaultBranch: 'master', permissions: { [WRITER]: 'write', [READER]: 'read' },
    files: { '.github/steward.yml': EVAL_CONFIG, 'models/bert/README.md': '# Bert\n' },
  });
  seedPull(standin, { headSha: TOUR_HEAD, headFiles: { 'models/bert/README.md': CARD } });
  standin.fault({ method: 'POST', route: '/repos/{owner}/{repo}/check-runs', times: 1, reply: { status: 502 } });
}

/** GitHub's issue_comment.created example on pull request #2, by `login`. */
export function commentEvent(body: string, login: string): Record<string, unknown> {
  const payload = loadWebhookExample('issue_comment', 'created', { index: 3 });
  payload.installation = { id: 1, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.issue.number = E2E_PULL;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${E2E_OWNER}/${E2E_REPO}/pulls/${E2E_PULL}` };
  payload.comment.body = body;
  payload.comment.user.login = login;
  payload.sender.login = login;
  return payload;
}

export async function runTour(standin: Standin, app: AppProcess): Promise<void> {
  const opened = pullRequestEvent('opened', { headSha: TOUR_HEAD });
  expect(await app.sendWebhook('pull_request', opened, { id: 'tour-forged', secret: 'not-the-secret' })).toBe(401);
  expect(await app.sendWebhook('pull_request', opened, { id: 'tour-opened' })).toBe(200);
  await waitFor(checksCompleted(standin, TOUR_HEAD, [STYLE_CHECK, CARD_CHECK]), 25_000, standin);
  await waitFor(() => standin.state.dispatches.length > 0, 15_000, standin);
  await waitForQuiet(standin, 1_500);
  expect(await app.sendWebhook('issue_comment', commentEvent('/steward recheck', WRITER), { id: 'tour-writer' })).toBe(200);
  expect(await app.sendWebhook('issue_comment', commentEvent('/steward recheck', READER), { id: 'tour-reader' })).toBe(200);
  await waitFor(() => standin.state.comments.length > 0, 15_000, standin);
  await waitForQuiet(standin, 1_500);
}
