/**
 * Webhook deliveries as GitHub sends them (HMAC-SHA256 of the raw body in x-hub-signature-256), and
 * pull_request payloads from GitHub's own examples pointed at the stand-in's repository:
 *   pullRequestEvent('opened', { headSha, title })            installation 1, Codertocat/Hello-World#2
 *   pullRequestEvent('synchronize', { headSha, before })
 *   pullRequestEvent('edited', { title, changes: { title: { from } } })
 */
import { createHmac, randomBytes } from 'node:crypto';
import { loadWebhookExample } from '../support/webhook-payloads.js';

export const E2E_INSTALLATION_ID = 1;
export const E2E_OWNER = 'Codertocat';
export const E2E_REPO = 'Hello-World';
export const E2E_PULL = 2;

export interface SendOptions {
  id?: string;
  /** Sign with this secret instead of the App's. */
  secret?: string;
  /** Send this x-hub-signature-256 header as is; null sends none. */
  signature?: string | null;
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface PullRequestEventOptions {
  headSha: string;
  title?: string;
  before?: string;
  changes?: Record<string, unknown>;
  installationId?: number;
}

/** GitHub's pull_request.opened example relabelled to `action` and pointed at the seeded pull request. */
export function pullRequestEvent(action: string, options: PullRequestEventOptions): Record<string, unknown> {
  const payload = loadWebhookExample('pull_request', 'opened', { index: 1, as: action });
  payload.installation = { id: options.installationId ?? E2E_INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.number = E2E_PULL;
  payload.pull_request.number = E2E_PULL;
  payload.pull_request.head.sha = options.headSha;
  if (options.title !== undefined) payload.pull_request.title = options.title;
  if (options.before !== undefined) Object.assign(payload, { before: options.before, after: options.headSha });
  if (options.changes !== undefined) payload.changes = options.changes;
  return payload;
}

export async function postWebhook(url: string, secret: string, name: string, payload: unknown, options: SendOptions): Promise<number> {
  const body = JSON.stringify(payload);
  const signature = options.signature === undefined ? signBody(body, options.secret ?? secret) : options.signature;
  const headers: Record<string, string> = {
    'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': options.id ?? randomBytes(8).toString('hex'),
    'user-agent': 'GitHub-Hookshot/e2e', ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
  };
  const response = await fetch(url, { method: 'POST', body, headers });
  await response.arrayBuffer();
  return response.status;
}

