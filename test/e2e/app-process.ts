/**
 * `steward serve` as a real child process against the GitHub stand-in.
 *
 *   const bundle = await buildServeBundle();                      // beforeAll, once per file
 *   const app = await startApp({ bundle, standin });              // SQLite in a temp dir unless databaseUrl
 *   await app.sendWebhook('pull_request', payload, { id: 'd-1' }) // -> HTTP status; signed with app.secret
 *   await app.sendWebhook('pull_request', payload, { signature: null })   // unsigned
 *   await waitFor(() => standin.state.checkRuns.length > 0, 15_000, standin)
 *   await waitForQuiet(standin, 1_500)                            // (wait.ts) no request for 1.5 s: the work has settled
 *   app.logs()                                                    // every stdout/stderr line so far (JSON, pino)
 *   await app.kill('SIGKILL'); await app.stop(); await stopAllApps()  // afterAll: nothing left running
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Standin } from '../standin/index.js';
import type { ServeBundle } from './build-serve.js';
import { postWebhook, type SendOptions } from './github-events.js';

export const E2E_APP_ID = 123;
const READY = /Steward is listening on (\S+)/;

export interface StartAppOptions {
  bundle: ServeBundle;
  standin: Standin;
  /** postgres://… or a SQLite path; default: a SQLite file in a fresh temp dir. */
  databaseUrl?: string;
  /** The webhook secret; default a random one. Replicas of one App share it. */
  secret?: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface Exit { code: number | null; signal: NodeJS.Signals | null }

export interface AppProcess {
  url: string;
  pid: number;
  secret: string;
  logs(): string[];
  sendWebhook(name: string, payload: unknown, options?: SendOptions): Promise<number>;
  /** Sends the signal and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
  /** SIGTERM, then SIGKILL after 5 s; removes the temp dir. */
  stop(): Promise<void>;
}

const running = new Set<AppProcess>();
let key: string | null = null;

/** One RSA key per test file: generating one takes a while. */
export function e2ePrivateKey(): string {
  key ??= generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
  return key;
}

export async function startApp(options: StartAppOptions): Promise<AppProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'steward-e2e-app-'));
  const secret = options.secret ?? randomBytes(16).toString('hex');
  const child = spawn(process.execPath, [options.bundle.file, 'serve'], { cwd: dir, env: childEnv(options, dir, secret), stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal })));
  collectLines(child, lines);
  const app = makeApp(child, secret, lines, exited, dir);
  running.add(app);
  try {
    app.url = await waitForUrl(lines, exited, options.startTimeoutMs ?? 20_000);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

/** A clean environment: nothing from the test runner (NODE_OPTIONS, DATABASE_URL) leaks in. */
function childEnv(options: StartAppOptions, dir: string, secret: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '', HOME: dir, ...options.standin.env,
    APP_ID: String(E2E_APP_ID), PRIVATE_KEY: e2ePrivateKey(), WEBHOOK_SECRET: secret,
    PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json', DATABASE_URL: options.databaseUrl ?? join(dir, 'steward.sqlite'),
    ...options.env,
  } as NodeJS.ProcessEnv;
}

function collectLines(child: ChildProcess, lines: string[]): void {
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.length > 0));
    });
    stream.on('end', () => void (rest && lines.push(rest)));
  }
}

async function waitForUrl(lines: string[], exited: Promise<unknown>, timeoutMs: number): Promise<string> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = lines.map((line) => READY.exec(line)?.[1]).find(Boolean);
    if (url) return url;
    if (gone || Date.now() > deadline) {
      throw new Error(`steward serve ${gone ? 'exited' : `did not listen within ${timeoutMs} ms`}; its output:\n${lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function makeApp(child: ChildProcess, secret: string, lines: string[], exited: Promise<Exit>, dir: string): AppProcess {
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const app: AppProcess = {
    url: '', pid: child.pid ?? -1, secret,
    logs: () => [...lines],
    sendWebhook: (name, payload, options = {}) => postWebhook(app.url, secret, name, payload, options),
    kill,
    async stop() {
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await kill('SIGTERM');
      clearTimeout(timer);
      running.delete(app);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Stops every App this file started; for afterAll, failures included. */
export async function stopAllApps(): Promise<void> {
  await Promise.all([...running].map((app) => app.stop()));
}
