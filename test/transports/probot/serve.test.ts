/** `steward serve` as an operator starts it: settings from the environment, a real port, a SQLite file. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { openStore } from '../../../src/store/open-store.js';
import { serve, type RunningApp } from '../../../src/transports/probot/serve.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { privateKey } from './test-probot.js';

describe('serve', () => {
  let running: RunningApp | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'steward-serve-'));
  afterEach(async () => {
    await running?.close();
    nock.enableNetConnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a signed delivery at once while GitHub is unreachable, and keeps it queued for a retry', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);
    const database = join(dir, 'steward.sqlite');
    running = await serve({
      APP_ID: '123', PRIVATE_KEY: privateKey(), WEBHOOK_SECRET: 'shh', PORT: '0', HOST: '127.0.0.1',
      DATABASE_URL: database, LOG_LEVEL: 'fatal', WEBHOOK_PATH: '/hooks',
    }, { Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }) });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks$/);

    const body = JSON.stringify(loadWebhookExample('pull_request', 'opened', { index: 1 }));
    const started = Date.now();
    const response = await fetch(running.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'serve-1',
        'x-hub-signature-256': `sha256=${createHmac('sha256', 'shh').update(body).digest('hex')}`,
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    await running.close();
    running = null;

    const store = await openStore({ url: database });
    // The worker tried at once, could not reach GitHub, and put the delivery back for later.
    expect(await store.getDelivery('serve-1')).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/.+/) });
    await store.close();
  });

  it('refuses to start without its settings, naming each', async () => {
    await expect(serve({ PORT: '0' })).rejects.toThrow(/APP_ID[\s\S]*PRIVATE_KEY[\s\S]*WEBHOOK_SECRET/);
  });
});
