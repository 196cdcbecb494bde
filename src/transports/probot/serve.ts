/**
 * `steward serve` / `npm start`: the GitHub App. Reads its settings from the environment (APP_ID,
 * PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, DATABASE_URL, LOG_LEVEL),
 * opens the store, answers webhooks and runs the worker until SIGINT or SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, createProbot, ProbotOctokit } from 'probot';
import { createGitHubAdapter } from '../../platform/github/create-github-adapter.js';
import { openStore } from '../../store/open-store.js';
import { STYLE_CHECK_NAME } from '../../workflows/check-pull-request.js';
import { createApp } from './app.js';
import { createWebhookServer } from './create-webhook-server.js';
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

export async function serve(env: NodeJS.ProcessEnv = process.env, options: ServeOptions = {}): Promise<RunningApp> {
  const settings = readServeEnv(env);
  const probot = createProbot({
    env,
    overrides: {
      appId: settings.appId, privateKey: settings.privateKey, secret: settings.webhookSecret, logLevel: settings.logLevel,
      Octokit: options.Octokit ?? ProbotOctokit.defaults({ request: { fetch: createTimedFetch(GITHUB_REQUEST_TIMEOUT_MS) } }),
    },
  });
  await probot.ready();
  const log = probot.log;
  const store = await openStore({ url: settings.databaseUrl });
  const deps = {
    auth: (installationId: number) => probot.auth(installationId),
    appAuth: () => probot.auth(),
    createPlatform: (github: GitHubClient) => createGitHubAdapter(github, { appId: settings.appId }),
    checkName: STYLE_CHECK_NAME,
    appId: settings.appId,
  };
  const worker = createWorker({
    ...deps, store, handlers: createHandlers(), log: log.child({ name: 'worker' }),
    onGiveUp: createFailureReporter({ ...deps, log }),
  });
  const sweeper = createEvalSweeper({ ...deps, store, log: log.child({ name: 'evaluations' }) });
  const app = createApp({ store, appId: settings.appId, onEnqueued: () => worker.wake() });
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: settings.webhookPath });
  const server = createWebhookServer({ middleware, secret: settings.webhookSecret, webhookPath: settings.webhookPath, log });
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
