import { describe, it, expect } from '@jest/globals';
import { loadWebhookExample, webhookActions } from './webhook-payloads.js';

describe('loadWebhookExample', () => {
  it('returns a real payload for an event and action', () => {
    const payload = loadWebhookExample('pull_request', 'opened');
    expect(payload.action).toBe('opened');
    expect(typeof payload.pull_request.head.sha).toBe('string');
    expect(typeof payload.installation?.id === 'number' || payload.installation === undefined).toBe(true);
  });

  it('returns a copy a test may edit without affecting the next test', () => {
    loadWebhookExample('check_run', 'rerequested').check_run.name = 'edited';
    expect(loadWebhookExample('check_run', 'rerequested').check_run.name).not.toBe('edited');
  });

  it('relabels an example for an action that has none of its own', () => {
    expect(webhookActions('pull_request')).not.toContain('edited');
    expect(loadWebhookExample('pull_request', 'opened', { as: 'edited' }).action).toBe('edited');
  });

  it('lists what exists when asked for a missing example', () => {
    expect(() => loadWebhookExample('pull_request', 'edited')).toThrow(/examples exist for: .*opened/);
    expect(() => loadWebhookExample('pull_requests')).toThrow(/known: .*pull_request/);
  });
});
