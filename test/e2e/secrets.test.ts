/**
 * The real `steward serve` at LOG_LEVEL=trace through the tour (a forged delivery, a pull request
 * with a 502 on the way, an evaluation, comment commands, then a push whose read fails for good): no line it writes to stdout or stderr
 * holds the private key (the PEM header, or any 40 characters of its base64 body), the webhook
 * secret, an installation token the stand-in issued, or a JWT the App signed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pullRequestEvent } from './github-events.js';
import { waitFor } from './wait.js';
import { seedPull } from './world.js';
import { startStandin, type Standin } from '../standin/index.js';
import { e2ePrivateKey, startApp, stopAllApps, type AppProcess } from './app-process.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import { TOUR_HEAD, runTour, seedTour } from './scenario-tour.js';

let bundle: ServeBundle | undefined;
let standin: Standin | undefined;
let app: AppProcess;
let lines: string[] = [];

beforeAll(async () => {
  bundle = await buildServeBundle();
  standin = await startStandin({ appId: 123 });
  seedTour(standin);
  app = await startApp({ bundle, standin, env: { LOG_LEVEL: 'trace', STEWARD_RETRY_BACKOFF_MS: '500,500,500' } });
  await runTour(standin, app);
  await failOnce(standin, app);
  await app.kill('SIGTERM');
  lines = app.logs();
}, 120_000);
afterAll(async () => {
  await stopAllApps();
  await standin?.close();
  bundle?.remove();
});

/** A push whose pull-request read fails through Octokit's retries: the worker logs the error object. */
async function failOnce(gh: Standin, running: AppProcess): Promise<void> {
  const head = '8'.repeat(40);
  gh.fault({ operation: 'StewardPullRequest', times: 4, reply: { status: 502 } });
  seedPull(gh, { headSha: head });
  expect(await running.sendWebhook('pull_request', pullRequestEvent('synchronize', { headSha: head, before: TOUR_HEAD }), { id: 'tour-fault' })).toBe(200);
  await waitFor(() => running.logs().some((line) => line.includes('Attempt 1 failed')), 25_000, gh);
}

/** Log text as a leak would show: JSON escapes of line breaks removed, so a key printed across lines still matches. */
const flatten = (line: string) => line.replace(/\\r|\\n|\r|\n/g, '');

function keySlices(pem: string): string[] {
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
  const slices: string[] = [];
  for (let i = 0; i + 40 <= body.length; i += 20) slices.push(body.slice(i, i + 40));
  return slices;
}

function linesHolding(secrets: string[]): string[] {
  return lines.filter((line) => secrets.some((secret) => flatten(line).includes(secret))).map((line) => line.slice(0, 300));
}

describe('no secret in the log (real process, LOG_LEVEL=trace)', () => {
  it('the tour ran and trace logging was on (the test looks at real output)', () => {
    expect(lines.length).toBeGreaterThan(20);
    // Probot writes nothing at trace itself; its request log (one line per GitHub call) is at debug.
    expect(lines.some((line) => /"level":20\b.*"msg":"GitHub request: POST /.test(line))).toBe(true);
    // The error path too: the worker's warning carries the error object (request, response, cause).
    expect(lines.some((line) => /"level":40\b.*"err":\{.*Attempt 1 failed/.test(line))).toBe(true);
    expect(standin!.issuedTokens().length).toBeGreaterThan(0);
    expect(standin!.credentialsSeen().some((c) => c.split('.').length === 3)).toBe(true);
    expect(standin!.violations()).toEqual([]);
  });

  it('not the private key: its PEM header, or any 40 characters of its body', () => {
    const pem = e2ePrivateKey();
    expect(linesHolding([pem.split('\n')[0]!, 'PRIVATE KEY-----', ...keySlices(pem)])).toEqual([]);
  });

  it('not the webhook secret', () => {
    expect(app.secret.length).toBeGreaterThanOrEqual(32);
    expect(linesHolding([app.secret])).toEqual([]);
  });

  it('not an installation token the stand-in issued', () => {
    expect(linesHolding(standin!.issuedTokens())).toEqual([]);
  });

  it('not a JWT the App sent, nor its signature alone', () => {
    const jwts = standin!.credentialsSeen().filter((c) => c.split('.').length === 3);
    expect(linesHolding([...jwts, ...jwts.map((jwt) => jwt.split('.')[2]!)])).toEqual([]);
  });
});
