/**
 * The set-up most process tests share: the CLI bundled once per file, then for every test a fresh
 * stand-in seeded by `seed` and one `steward serve` pointed at it; everything stopped after each test.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
import { startStandin, type Standin } from '../standin/index.js';
import { startApp, stopAllApps, type AppProcess } from './app-process.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';

export interface ServeWorld {
  readonly standin: Standin;
  readonly app: AppProcess;
}

export function useServeWorld(seed: (standin: Standin) => void, env?: Record<string, string>): ServeWorld {
  let bundle: ServeBundle;
  let standin: Standin;
  let app: AppProcess;
  beforeAll(async () => void (bundle = await buildServeBundle()), 60_000);
  afterAll(() => bundle?.remove());
  beforeEach(async () => {
    standin = await startStandin({ appId: 123 });
    seed(standin);
    app = await startApp({ bundle, standin, env });
  });
  afterEach(async () => {
    await stopAllApps();
    await standin.close();
  });
  return { get standin() { return standin; }, get app() { return app; } };
}
