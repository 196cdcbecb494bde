/**
 * Paces content-creating requests under GitHub's secondary limits: one at a time, at least
 * `minGapMs` apart ("pause at least 1 second between mutative requests and avoid concurrent
 * requests"), at most `perMinute` in any sliding 60 s window (80 content creations a minute), and
 * waits out rate-limit answers (retry-after, else the primary reset, else 60 s doubling), 3 retries.
 * With `reserve`, each write also waits for a slot shared with the other replicas.
 */
import { GitHubError } from '../github-error.js';
import { toGitHubError } from '../to-github-error.js';
import { readRateLimit, type RateLimitHit } from './rate-limit.js';

export interface WritePacer {
  /** Runs `fn` when the pace allows; `operation` ("POST /repos/o/r/issues") names it in errors. */
  run<T>(fn: () => Promise<T>, operation?: string): Promise<T>;
}

export interface WritePacerOptions {
  perMinute?: number;
  minGapMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * A slot shared with other processes (the store's write pace, PostgreSQL replicas): resolves
   * with how long to wait for it. When it fails the write goes on, paced by this process only.
   */
  reserve?: (gapMs: number) => Promise<number>;
}

const WINDOW_MS = 60_000;
const RETRIES = 3;

/** The last rate-limit answer after every retry: says which limit and when trying again can help. */
export class GitHubRateLimitError extends GitHubError {
  constructor(operation: string, hit: RateLimitHit, retryAt: Date, cause: unknown) {
    super({ status: statusOf(cause), operation, requestId: null, rateLimitReset: retryAt, retryable: true, detail: hit.detail }, { cause });
    const which = hit.kind === 'primary' ? 'primary rate limit (requests per hour)' : 'secondary rate limit (content creation)';
    this.message = `GitHub's ${which} still refused ${operation} after ${RETRIES} retries` +
      `${hit.detail ? ` ("${hit.detail}")` : ''}; try again after ${retryAt.toISOString()}, or publish fewer repositories per run.`;
  }
}

export function createWritePacer(options: WritePacerOptions = {}): WritePacer {
  const perMinute = options.perMinute ?? 80;
  const minGapMs = options.minGapMs ?? 1000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const starts: number[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  /** When the previous write's answer came: the gap is a pause between writes, not between their starts. */
  let lastDone: number | null = null;

  async function waitForSlot(): Promise<void> {
    for (;;) {
      const t = now();
      while (starts.length > 0 && (starts[0] as number) <= t - WINDOW_MS) starts.shift();
      const wait = waitBeforeNext({ starts, lastDone, t, perMinute, minGapMs });
      if (wait <= 0) break;
      await sleep(wait);
    }
    await waitForSharedSlot(options.reserve, minGapMs, sleep);
    starts.push(now());
  }

  async function attempt<T>(fn: () => Promise<T>, operation: string): Promise<T> {
    for (let retry = 0; ; retry++) {
      await waitForSlot();
      try {
        const value = await fn();
        lastDone = now();
        return value;
      } catch (error) {
        lastDone = now();
        const hit = readRateLimit(error, now());
        if (!hit) throw error instanceof GitHubError ? error : toGitHubError(error, operation);
        const waitMs = hit.waitMs ?? WINDOW_MS * 2 ** retry;
        if (retry >= RETRIES) throw new GitHubRateLimitError(operation, hit, new Date(now() + waitMs), error);
        await sleep(waitMs);
      }
    }
  }

  return {
    run<T>(fn: () => Promise<T>, operation = 'a content-creating request'): Promise<T> {
      const result = queue.then(() => attempt(fn, operation));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/**
 * Waits for the slot `reserve` gives (a pace shared with other processes). A database that cannot
 * say does not stop the write: it goes on, paced by this process only.
 */
export async function waitForSharedSlot(reserve: ((gapMs: number) => Promise<number>) | undefined, gapMs: number, sleep: (ms: number) => Promise<void>): Promise<void> {
  const wait = reserve ? await reserve(gapMs).catch(() => 0) : 0;
  if (wait > 0) await sleep(wait);
}

/** How long until both the pause after the last write and the sliding window allow one more. */
function waitBeforeNext(p: { starts: number[]; lastDone: number | null; t: number; perMinute: number; minGapMs: number }): number {
  const gapWait = p.lastDone === null ? 0 : p.lastDone + p.minGapMs - p.t;
  const oldest = p.starts[p.starts.length - p.perMinute];
  const windowWait = oldest === undefined ? 0 : oldest + WINDOW_MS - p.t;
  return Math.max(gapWait, windowWait);
}

function statusOf(error: unknown): number {
  const raw = (error instanceof GitHubError ? error.cause : error) as { status?: unknown } | null;
  return typeof raw?.status === 'number' ? raw.status : 429;
}
