import { describe, expect, it } from '@jest/globals';
import { createLoadGate } from '../../../src/transports/probot/load-gate.js';

describe('the load gate: answers first, work after', () => {
  it('lets the worker go at once when no webhook is being answered', async () => {
    const gate = createLoadGate(60_000);
    await expect(gate.whenIdle()).resolves.toBeUndefined();
  });

  it('holds the worker until the last webhook in flight is answered', async () => {
    const gate = createLoadGate(60_000);
    const first = gate.enter();
    const second = gate.enter();
    let idle = false;
    const waiting = gate.whenIdle().then(() => void (idle = true));
    first();
    first(); // leaving twice counts once
    await new Promise((r) => setImmediate(r));
    expect(idle).toBe(false);
    second();
    await waiting;
    expect(idle).toBe(true);
  });

  it('never starves the worker: under load that does not stop, it goes after maxWaitMs', async () => {
    const gate = createLoadGate(20);
    gate.enter();
    const started = Date.now();
    await gate.whenIdle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
