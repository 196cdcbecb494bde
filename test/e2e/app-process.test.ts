/**
 * The harness itself, on the real `steward serve`: a start that fails shows the process's own
 * words, SIGTERM stops it cleanly, and nothing is left running after stop().
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startStandin, type Standin } from '../standin/index.js';
import { startApp, stopAllApps } from './app-process.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';

let bundle: ServeBundle;
let standin: Standin;
beforeAll(async () => void (bundle = await buildServeBundle()), 60_000);
afterAll(() => bundle?.remove());
beforeEach(async () => void (standin = await startStandin({ appId: 123 })));
afterEach(async () => {
  await stopAllApps();
  await standin.close();
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('steward serve as a child process', () => {
  it('a start that fails rejects with what the process said', async () => {
    await expect(startApp({ bundle, standin, env: { APP_ID: 'twelve' } })).rejects.toThrow(/exited[\s\S]*APP_ID must be the numeric App ID/);
  }, 30_000);

  it('answers /ping, stops on SIGTERM with exit code 0 and leaves nothing running', async () => {
    const app = await startApp({ bundle, standin });
    expect((await fetch(new URL('/ping', app.url))).status).toBe(200);
    expect(await app.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(isAlive(app.pid)).toBe(false);
    expect(app.logs().some((line) => line.includes('SIGTERM: finishing the current work and stopping'))).toBe(true);
    expect(standin.requests()).toEqual([]);
  }, 30_000);
});
