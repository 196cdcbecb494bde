/** One `steward serve` for a whole fuzzing file: every generated case is a new pull request to it. */
import { afterAll, beforeAll } from '@jest/globals';
import { startStandin } from '../standin/index.js';
import { startApp, stopAllApps } from './app-process.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import type { Bench } from './hostile-checks.js';
import { seedRepository } from './world.js';

/** The bench of the file, ready once `beforeAll` has run. */
export function useHostileBench(): () => Bench {
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
  return () => bench;
}
