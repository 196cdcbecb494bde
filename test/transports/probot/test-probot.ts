/** A real Probot for tests: a throwaway RSA key, no retries or throttling, quiet logs. */
import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';

export const APP_ID = 123;
export const WEBHOOK_SECRET = 'test-webhook-secret';
export const T0 = new Date('2025-03-01T12:00:00.000Z');

let key: string | null = null;
/** One key per test file: generating RSA keys is slow. */
export function privateKey(): string {
  key ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  }).privateKey;
  return key;
}

export function createTestProbot(): Probot {
  return new Probot({
    appId: APP_ID,
    privateKey: privateKey(),
    secret: WEBHOOK_SECRET,
    logLevel: 'fatal',
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
}

