/**
 * Hostile input, issue 6: fuzzed model cards (hostile-yaml.ts: alias bombs, deep nesting, NUL,
 * tabs, duplicate and reserved keys, lone surrogates, CR line ends, 300 KB front matter, 2 MB
 * cards), each case a pull request opened against the real `steward serve` process. Every case
 * ends in a completed card check that agrees with the engine on the same text (a refused card
 * fails and its text names path, line and problem) and a passing style check; nothing is written
 * twice; the process stays up and answers the next case. About 5 s a case (GitHub's write pacing).
 */
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import fc from 'fast-check';
import { startStandin } from '../standin/index.js';
import { startApp, stopAllApps } from './app-process.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import { checkCardCase, expectCleanAftermath, processRuns, type Bench } from './hostile-checks.js';
import { hostileCard } from './hostile-yaml.js';
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

describe('fuzzed model cards on the real process', () => {
  it('valid, hostile and odd front matter each end in a completed card check that agrees with the engine', async () => {
    await fc.assert(fc.asyncProperty(hostileCard, (input) => checkCardCase(bench, input)), processRuns(15));
    await expectCleanAftermath(bench);
  }, 100_000);
});
