/**
 * Hostile input, issue 6: fuzzed `.github/steward.yml` (hostile-yaml.ts), each case a pull request
 * opened against the real `steward serve` process. Every case ends in a completed style check that
 * agrees with the engine on the same text; a refused file fails with its path, line and problem;
 * nothing is written twice; the process stays up and answers the next case.
 */
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import fc from 'fast-check';
import { startStandin } from '../standin/index.js';
import { startApp, stopAllApps } from './app-process.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import { checkConfigCase, expectCleanAftermath, processRuns, type Bench } from './hostile-checks.js';
import { hostileConfig } from './hostile-yaml.js';
import { seedRepository } from './world.js';

let bundle: ServeBundle;
let bench: Bench;
beforeAll(async () => {
  bundle = await buildServeBundle();
  const standin = await startStandin({ appId: 123 });
  seedRepository(standin);
  bench = { standin, app: await startApp({ bundle, standin }), nextPull: 100 };
}, 60_000);
afterAll(async () => {
  await stopAllApps();
  await bench?.standin.close();
  bundle?.remove();
});

describe('fuzzed .github/steward.yml on the real process', () => {
  it('valid, hostile and odd files each end in a completed style check that names the problem', async () => {
    await fc.assert(fc.asyncProperty(hostileConfig, (input) => checkConfigCase(bench, input)), processRuns(20));
    await expectCleanAftermath(bench);
  }, 80_000);
});
