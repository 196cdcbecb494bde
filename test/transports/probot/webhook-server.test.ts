/** The App over HTTP: a signed delivery is answered at once; a bad signature gets 401 and nothing else. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/types.js';
import { createDeliveryAcceptor } from '../../../src/transports/probot/accept-delivery.js';
import { createWebhookServer } from '../../../src/transports/probot/create-webhook-server.js';
import { mockGitHub, type MockGitHub } from '../../support/mock-github.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { T0, WEBHOOK_SECRET, createTestProbot } from './test-probot.js';

const PATH = '/api/github/webhooks';

describe('webhook server', () => {
  let store: Store;
  let server: Server;
  let url: string;
  let gh: MockGitHub;

  beforeEach(async () => {
    gh = mockGitHub(); // nothing is mocked: any request to GitHub fails the test
    store = await openStore({ url: ':memory:' });
    const probot = createTestProbot();
    await probot.ready(); // its logger exists once it is ready
    server = createWebhookServer({ receive: createDeliveryAcceptor({ store, now: () => T0 }), secret: WEBHOOK_SECRET, webhookPath: PATH, log: probot.log });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    gh.done();
  });

  function post(id: string, body: string, signature: string | null, event = 'pull_request') {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': id };
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    return fetch(`${url}${PATH}`, { method: 'POST', headers, body });
  }
  const sign = (body: string, secret = WEBHOOK_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it('answers a signed delivery at once and queues it, without asking GitHub anything', async () => {
    const body = JSON.stringify(loadWebhookExample('pull_request', 'opened'));
    const started = Date.now();
    const response = await post('delivery-1', body, sign(body));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await store.getDelivery('delivery-1')).toMatchObject({ name: 'pull_request', action: 'opened', status: 'queued' });
    expect(gh.requestCount()).toBe(0);
  });

  it('answers a redelivery with 200 and keeps one queued delivery', async () => {
    const body = JSON.stringify(loadWebhookExample('pull_request', 'opened'));
    expect((await post('delivery-2', body, sign(body))).status).toBe(200);
    expect((await post('delivery-2', body, sign(body))).status).toBe(200);
    expect(await store.claimNext('w', T0)).toMatchObject({ id: 'delivery-2' });
    expect(await store.claimNext('w', T0)).toBeNull();
  });

  it.each([
    ['a wrong signature', (body: string) => sign(body, 'not-the-secret')],
    ['a signature of another body', () => sign('{}')],
    ['a malformed signature', () => 'sha256=zz'],
    ['no signature', () => null],
  ])('refuses a delivery with %s: 401 and nothing queued', async (_what, signatureOf) => {
    const body = JSON.stringify(loadWebhookExample('pull_request', 'opened'));
    const response = await post('delivery-3', body, signatureOf(body));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/WEBHOOK_SECRET/) });
    expect(await store.getDelivery('delivery-3')).toBeNull();
  });

  it('answers 200 to signed events it does not work on, and queues nothing', async () => {
    const body = JSON.stringify(loadWebhookExample('pull_request', 'opened', { as: 'assigned' }));
    expect((await post('delivery-4', body, sign(body))).status).toBe(200);
    expect(await store.getDelivery('delivery-4')).toBeNull();
  });

  it('answers 400 to a signed body that is not JSON or lacks the event headers, and queues nothing', async () => {
    const text = 'payload=%7B%7D';
    const response = await post('delivery-5', text, sign(text));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/content type to application\/json/) });
    const body = JSON.stringify(loadWebhookExample('pull_request', 'opened'));
    expect((await post('', body, sign(body))).status).toBe(400);
    expect(await store.getDelivery('delivery-5')).toBeNull();
  });

  it('records a burst of deliveries arriving together, each once', async () => {
    const body = JSON.stringify(loadWebhookExample('pull_request', 'opened'));
    const ids = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
    const statuses = await Promise.all([...ids, ...ids.slice(0, 10)].map((id) => post(id, body, sign(body)).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    for (const id of ids) expect(await store.getDelivery(id)).toMatchObject({ status: 'queued', action: 'opened' });
    let claimed = 0;
    while (await store.claimNext(`w${claimed}`, T0)) claimed++;
    expect(claimed).toBe(1); // one repository: its deliveries are worked one at a time
  });

  it('answers health checks and unknown routes', async () => {
    expect((await fetch(`${url}/ping`)).status).toBe(200);
    expect((await fetch(`${url}/elsewhere`, { method: 'POST' })).status).toBe(404);
  });
});
