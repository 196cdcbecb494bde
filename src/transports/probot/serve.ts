/**
 * `steward serve` / `npm start`: the GitHub App. Reads its settings from the environment (APP_ID,
 * PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, DATABASE_URL, LOG_LEVEL),
 * opens the store, answers webhooks and runs the worker until SIGINT or SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { createProbot, ProbotOctokit } from 'probot';
import { createGitHubAdapter } from '../../platform/github/create-github-adapter.js';
import { openStore } from '../../store/open-store.js';
import { STYLE_CHECK_NAME } from '../../workflows/check-pull-request.js';
import { createDeliveryAcceptor } from './accept-delivery.js';
import { createWebhookServer } from './create-webhook-server.js';
import { createLoadGate } from './load-gate.js';
import { createWritePacers, UNPACED_WRITE_GROUP, withPacedWrites } from './paced-writes.js';
import { createEvalSweeper } from './eval-sweeper.js';
import { createHandlers } from './handlers/index.js';
import { readServeEnv } from './read-serve-env.js';
import { createTimedFetch, GITHUB_REQUEST_TIMEOUT_MS } from './timed-fetch.js';
import { createFailureReporter } from './report-failure.js';
import type { GitHubClient } from './types.js';
import { createWorker } from './worker.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface RunningApp {
  /** Where webhooks are received, e.g. http://127.0.0.1:3000/api/github/webhooks. */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Probot's Octokit class, e.g. with its in-process retries turned off in tests. */
  Octokit?: typeof ProbotOctokit;
}

/**
 * Probot's Octokit with a request deadline; rate limits waited out in the request only when GitHub
 * asks for a short wait (a longer one, a primary reset can be an hour away, goes back to the durable
 * queue, which retries at the time GitHub gave, instead of holding a worker lane); and no write
 * pacing of GraphQL queries (REST writes are paced per installation in paced-writes.ts).
 */
function createOctokitClass(): typeof ProbotOctokit {
  const waitBriefly = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => retryAfter <= IN_REQUEST_WAIT_S && retryCount < 2;
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    request: { ...(options.request as object | undefined), fetch: createTimedFetch(GITHUB_REQUEST_TIMEOUT_MS) },
    throttle: { ...(options.throttle as object | undefined), onRateLimit: waitBriefly, onSecondaryRateLimit: waitBriefly, write: UNPACED_WRITE_GROUP },
    // plugin-retry would resend a 429 after its own 1 s, ignoring retry-after: the queue honours it.
    retry: { ...(options.retry as object | undefined), doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
  }));
}

/** A rate limit asking for at most this many seconds is waited out inside the request. */
const IN_REQUEST_WAIT_S = 10;

export async function serve(env: NodeJS.ProcessEnv = process.env, options: ServeOptions = {}): Promise<RunningApp> {
  const settings = readServeEnv(env);
  const probot = createProbot({
    env,
    overrides: {
      appId: settings.appId, privateKey: settings.privateKey, secret: settings.webhookSecret, logLevel: settings.logLevel,
      Octokit: options.Octokit ?? createOctokitClass(),
    },
  });
  await probot.ready();
  const log = probot.log;
  const store = await openStore({ url: settings.databaseUrl });
  // Replicas share PostgreSQL, so they share the pace of each installation's writes; SQLite is one process.
  const writePacerFor = createWritePacers(store.dialect === 'postgres' ? store.reserveWriteSlot : undefined);
  const deps = {
    auth: (installationId: number) => probot.auth(installationId),
    appAuth: () => probot.auth(),
    createPlatform: (github: GitHubClient, installationId: number) =>
      createGitHubAdapter(withPacedWrites(github, writePacerFor(installationId)), { appId: settings.appId }),
    checkName: STYLE_CHECK_NAME,
    appId: settings.appId,
  };
  const gate = createLoadGate();
  const worker = createWorker({
    ...deps, store, handlers: createHandlers(), log: log.child({ name: 'worker' }), backoffMs: settings.retryBackoffMs, gate,
    onGiveUp: createFailureReporter({ ...deps, log }),
  });
  const sweeper = createEvalSweeper({ ...deps, store, log: log.child({ name: 'evaluations' }) });
  const receive = createDeliveryAcceptor({ store, appId: settings.appId, onEnqueued: () => worker.wake() });
  const server = createWebhookServer({ receive, gate, secret: settings.webhookSecret, webhookPath: settings.webhookPath, log });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(settings.port, settings.host, resolve));
  worker.start();
  sweeper.start();
  const { port } = server.address() as AddressInfo;
  const url = `http://${settings.host ?? 'localhost'}:${port}${settings.webhookPath}`;
  log.info(`Steward is listening on ${url} (store: ${store.dialect})`);

  let closing: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    log.info(`${signal}: finishing the current work and stopping`);
    void close();
  };
  const close = () =>
    (closing ??= (async () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await sweeper.stop();
      await store.close();
    })());
  for (const signal of SIGNALS) process.once(signal, onSignal);
  return { url, close };
}
