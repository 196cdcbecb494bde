/**
 * The HTTP front: checks the webhook signature before anything else (401 and nothing more when it
 * is missing or wrong, SPEC.md §5; Probot alone would answer 400), then hands the verified delivery
 * to `receive` (record it in the store) and answers 200 once it is recorded. Probot's middleware is
 * not used: it would check the signature again and build a GitHub client for every event.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'probot';
import type { AcceptDelivery } from './accept-delivery.js';
import type { LoadGate } from './load-gate.js';
import { storedPayload, type StoredPayload } from './stored-payload.js';

/** GitHub caps webhook payloads at 25 MB. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface WebhookServerOptions {
  receive: AcceptDelivery;
  /** Told while a webhook is being answered, so the worker waits (answers come first). */
  gate?: LoadGate;
  secret: string;
  webhookPath: string;
  log: Logger;
}

export function createWebhookServer(options: WebhookServerOptions): Server {
  return createServer((req, res) => {
    const leave = options.gate?.enter();
    handle(req, res, options).catch((error: unknown) => {
      options.log.error({ err: error }, 'Webhook request failed');
      if (!res.headersSent) send(res, 500, { error: 'Internal error; see the Steward log.' });
    }).finally(() => leave?.());
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, options: WebhookServerOptions): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
  if (req.method === 'GET' && (path === '/ping' || path === '/healthz')) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
  if (path !== options.webhookPath.replace(/\/+$/, '') || req.method !== 'POST') return send(res, 404, { error: `Unknown route: ${req.method} ${path}` });
  const body = await readBody(req);
  if (body === null) return send(res, 413, { error: 'Payload larger than 25 MB' });
  if (!hasValidSignature(body, req.headers['x-hub-signature-256'], options.secret)) {
    options.log.warn({ delivery: req.headers['x-github-delivery'] }, 'Refused a delivery with a missing or wrong signature');
    return send(res, 401, { error: 'Missing or invalid X-Hub-Signature-256; check that the webhook secret matches WEBHOOK_SECRET.' });
  }
  const id = header(req, 'x-github-delivery');
  const name = header(req, 'x-github-event');
  if (!id || !name) return send(res, 400, { error: 'Missing X-GitHub-Delivery or X-GitHub-Event header; GitHub always sends both.' });
  let stored: StoredPayload;
  try {
    stored = storedPayload(body.toString('utf8'));
  } catch {
    return send(res, 400, { error: 'The body is not JSON; set the webhook\'s content type to application/json.' });
  }
  await options.receive({ id, name, payload: stored.payload, payloadText: stored.text }, options.log);
  send(res, 200, { ok: true });
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function hasValidSignature(body: Buffer, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body, or null past MAX_BODY_BYTES (the rest is read and dropped). Events, not `for await`: cheaper per request. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.once('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
