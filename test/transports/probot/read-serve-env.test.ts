import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readServeEnv } from '../../../src/transports/probot/read-serve-env.js';
import { privateKey } from './test-probot.js';

describe('readServeEnv', () => {
  it('names every missing setting at once', () => {
    expect(() => readServeEnv({})).toThrow(
      /cannot start the GitHub App:\n- APP_ID must be[^\n]*\n- Set PRIVATE_KEY \(the PEM text\) or PRIVATE_KEY_PATH[^\n]*\n- WEBHOOK_SECRET must be set/,
    );
  });

  it('reads a PEM with escaped newlines, base64 of a PEM, or a key file', () => {
    const pem = privateKey();
    const base = { APP_ID: '42', WEBHOOK_SECRET: 's' };
    expect(readServeEnv({ ...base, PRIVATE_KEY: pem.replace(/\n/g, '\\n') }).privateKey).toBe(pem);
    expect(readServeEnv({ ...base, PRIVATE_KEY: Buffer.from(pem).toString('base64') }).privateKey).toBe(pem);
    const file = join(mkdtempSync(join(tmpdir(), 'steward-key-')), 'app.pem');
    writeFileSync(file, pem);
    expect(readServeEnv({ ...base, PRIVATE_KEY_PATH: file })).toMatchObject({
      appId: 42, privateKey: pem, port: 3000, webhookPath: '/api/github/webhooks', databaseUrl: undefined, logLevel: 'info',
    });
  });

  it('explains an unreadable key file and a bad port', () => {
    expect(() => readServeEnv({ APP_ID: '1', WEBHOOK_SECRET: 's', PRIVATE_KEY_PATH: '/nonexistent/app.pem', PORT: 'http' })).toThrow(
      /PRIVATE_KEY_PATH "\/nonexistent\/app.pem" cannot be read[\s\S]*PORT "http" is not a port number/,
    );
  });

  it('reads the retry backoff, and names a wrong one', () => {
    const base = { APP_ID: '1', WEBHOOK_SECRET: 's', PRIVATE_KEY: privateKey() };
    expect(readServeEnv(base).retryBackoffMs).toBeUndefined();
    expect(readServeEnv({ ...base, STEWARD_RETRY_BACKOFF_MS: '200, 1000,5000' }).retryBackoffMs).toEqual([200, 1000, 5000]);
    expect(() => readServeEnv({ ...base, STEWARD_RETRY_BACKOFF_MS: '30s,2m' })).toThrow(/STEWARD_RETRY_BACKOFF_MS "30s,2m" must be up to 20 whole numbers of milliseconds/);
  });
});
