import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { keepLease } from '../../../src/transports/probot/keep-lease.js';

describe('keepLease', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('renews the lease every third of it while the work runs, and stops when released', async () => {
    const renewals: [string, string, string][] = [];
    const store = { renewLease: async (id: string, worker: string, until: Date) => { renewals.push([id, worker, until.toISOString()]); return true; } };
    const now = () => new Date('2026-11-28T10:00:00Z');
    const release = keepLease({ store, deliveryId: 'd-1', workerId: 'w', now, log: { warn: () => {} }, leaseMs: 60_000 });
    jest.advanceTimersByTime(20_000);
    expect(renewals).toEqual([['d-1', 'w', '2026-11-28T10:01:00.000Z']]);
    jest.advanceTimersByTime(40_000);
    expect(renewals).toHaveLength(3);
    release();
    jest.advanceTimersByTime(120_000);
    expect(renewals).toHaveLength(3);
  });

  it('says so in the log when the lease was lost or could not be renewed, and keeps working', async () => {
    const warnings: string[] = [];
    const log = { warn: (...args: unknown[]) => void warnings.push(String(args.at(-1))) };
    let answer: () => Promise<boolean> = async () => false;
    const release = keepLease({ store: { renewLease: () => answer() }, deliveryId: 'd', workerId: 'w', now: () => new Date(0), log, leaseMs: 3_000 });
    jest.advanceTimersByTime(1_000);
    await Promise.resolve();
    answer = async () => { throw new Error('database is down'); };
    jest.advanceTimersByTime(1_000);
    await Promise.resolve();
    await Promise.resolve();
    release();
    expect(warnings).toEqual([
      'The lease of this delivery was lost; another worker may take it over',
      'Could not renew the lease of this delivery',
    ]);
  });
});
