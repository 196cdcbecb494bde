/**
 * A Steward App under test: a real Probot with a throwaway RSA key, the real store (in-memory SQLite),
 * the app, the worker with the real GitHub adapter, and a clock the test moves.
 */
import type { Probot } from 'probot';
import { createGitHubAdapter } from '../../../src/platform/github/create-github-adapter.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/types.js';
import { createApp } from '../../../src/transports/probot/app.js';
import { createHandlers } from '../../../src/transports/probot/handlers/index.js';
import { createFailureReporter } from '../../../src/transports/probot/report-failure.js';
import type { GitHubClient } from '../../../src/transports/probot/types.js';
import { createWorker, type Worker } from '../../../src/transports/probot/worker.js';
import { STYLE_CHECK_NAME } from '../../../src/workflows/check-pull-request.js';
import { APP_ID, T0, createTestProbot } from './test-probot.js';

export { APP_ID, T0, WEBHOOK_SECRET } from './test-probot.js';

export interface Harness {
  probot: Probot;
  store: Store;
  worker: Worker;
  now(): Date;
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function createHarness(options: { backoffMs?: number[] } = {}): Promise<Harness> {
  let clock = T0;
  const now = () => clock;
  const probot = createTestProbot();
  const store = await openStore({ url: ':memory:' });
  await probot.load(createApp({ store, now, appId: APP_ID }));
  const deps = {
    auth: (id: number) => probot.auth(id),
    createPlatform: (github: GitHubClient) => createGitHubAdapter(github, { appId: APP_ID }),
    checkName: STYLE_CHECK_NAME,
    appId: APP_ID,
    log: probot.log,
  };
  const worker = createWorker({
    ...deps, store, now, handlers: createHandlers(), backoffMs: options.backoffMs, onGiveUp: createFailureReporter(deps),
  });
  return {
    probot, store, worker, now,
    advance: (ms) => (clock = new Date(clock.getTime() + ms)),
    close: () => store.close(),
  };
}
