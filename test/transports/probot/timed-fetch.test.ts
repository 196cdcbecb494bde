import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTimedFetch } from '../../../src/transports/probot/timed-fetch.js';

describe('createTimedFetch', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Answers /fast at once and never answers /hang: a GitHub that accepted the connection and stalled.
    server = createServer((req, res) => {
      if (req.url === '/fast') res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('passes answers through', async () => {
    const answer = await createTimedFetch(2_000)(`${url}/fast`);
    expect(await answer.text()).toBe('ok');
  });

  it('gives up on a server that never answers, with a timeout error', async () => {
    await expect(createTimedFetch(200)(`${url}/hang`)).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('still honours the caller\'s own abort signal', async () => {
    const controller = new AbortController();
    const pending = createTimedFetch(10_000)(`${url}/hang`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
