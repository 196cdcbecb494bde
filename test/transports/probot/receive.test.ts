/** probot.receive(): every handled event only records the delivery, at once and without GitHub. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import type { Probot } from 'probot';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/types.js';
import { createApp } from '../../../src/transports/probot/app.js';
import { withoutApiUrls } from '../../../src/transports/probot/stored-payload.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { APP_ID, T0, createTestProbot } from './test-probot.js';

describe('receiving deliveries', () => {
  let store: Store;
  let probot: Probot;
  let woken: number;

  beforeEach(async () => {
    // Nothing is mocked and the network is shut: a GitHub call during receive() would throw.
    nock.disableNetConnect();
    store = await openStore({ url: ':memory:' });
    probot = createTestProbot();
    woken = 0;
    await probot.load(createApp({ store, now: () => T0, appId: APP_ID, onEnqueued: () => woken++ }));
  });
  afterEach(async () => {
    await store.close();
    nock.enableNetConnect();
  });

  it('records a pull request event and returns without calling GitHub', async () => {
    const payload = loadWebhookExample('pull_request', 'opened');
    const started = Date.now();
    await probot.receive({ id: 'd-1', name: 'pull_request', payload });
    expect(Date.now() - started).toBeLessThan(2000);
    const stored = await store.getDelivery('d-1');
    expect(stored).toMatchObject({
      name: 'pull_request', action: 'opened', status: 'queued', receivedAt: T0,
      key: `${payload.repository.owner.login}/${payload.repository.name}`.toLowerCase(),
    });
    // Kept without the API URL fields (stored-payload.ts), everything else as GitHub sent it.
    expect(stored?.payload).toEqual(withoutApiUrls(payload));
    expect(stored?.payload).toMatchObject({ number: payload.number, pull_request: { html_url: payload.pull_request.html_url, head: { sha: payload.pull_request.head.sha } } });
    expect(JSON.stringify(stored?.payload)).not.toMatch(/"(?!html_url)\w*_url":/);
    expect(woken).toBe(1);
  });

  it('records the same delivery id once', async () => {
    const payload = loadWebhookExample('pull_request', 'synchronize');
    await probot.receive({ id: 'd-1', name: 'pull_request', payload });
    await probot.receive({ id: 'd-1', name: 'pull_request', payload });
    expect(woken).toBe(1);
    expect(await store.claimNext('w', T0)).toMatchObject({ id: 'd-1' });
    expect(await store.claimNext('w', T0)).toBeNull();
  });

  it('does not queue what it will not work on: bot comments, comments without a command, assignments', async () => {
    const botComment = loadWebhookExample('issue_comment', 'created');
    botComment.issue.pull_request = { url: 'https://api.github.com/repos/o/r/pulls/1' };
    botComment.comment.body = '/steward recheck';
    botComment.sender.type = 'Bot';
    const chatter = loadWebhookExample('issue_comment', 'created');
    chatter.issue.pull_request = { url: 'https://api.github.com/repos/o/r/pulls/1' };
    chatter.comment.body = 'Looks good to me';
    await probot.receive({ id: 'bot', name: 'issue_comment', payload: botComment });
    await probot.receive({ id: 'chatter', name: 'issue_comment', payload: chatter });
    await probot.receive({ id: 'assigned', name: 'pull_request', payload: loadWebhookExample('pull_request', 'opened', { as: 'assigned' }) });
    expect(await store.claimNext('w', T0)).toBeNull();
  });

  it('queues check suite requests and re-runs of our check run', async () => {
    const rerun = loadWebhookExample('check_run', 'rerequested');
    rerun.check_run.name = 'Steward / style';
    rerun.check_run.app.id = APP_ID;
    await probot.receive({ id: 'suite', name: 'check_suite', payload: loadWebhookExample('check_suite', 'requested') });
    await probot.receive({ id: 'run', name: 'check_run', payload: rerun });
    const ids = [(await store.claimNext('w', T0))?.id, (await store.claimNext('w', T0))?.id];
    expect(ids.sort()).toEqual(['run', 'suite']);
  });

  it('logs installation events without queueing them', async () => {
    await probot.receive({ id: 'inst', name: 'installation', payload: loadWebhookExample('installation', 'created') });
    expect(await store.getDelivery('inst')).toBeNull();
  });

  it('survives a payload with fields missing', async () => {
    await probot.receive({ id: 'odd', name: 'check_run', payload: { action: 'rerequested' } as never });
    await probot.receive({ id: 'odd2', name: 'issue_comment', payload: { action: 'created' } as never });
    expect(await store.claimNext('w', T0)).toBeNull();
  });
});
