/**
 * Catches up on evaluations after downtime or a lost webhook: at start and then every few minutes,
 * each installation with unfinished runs has its dispatched workflow runs looked up on GitHub and
 * collected when complete (recoverRuns), and its queue pumped.
 */
import type { Logger } from 'probot';
import type { Store } from '../../store/types.js';
import { recoverRuns } from '../../workflows/evaluation/recover-runs.js';
import { newId } from './eval-deps-of.js';
import type { GitHubClient, Platform } from './types.js';

export interface SweeperOptions {
  store: Store;
  auth: (installationId: number) => Promise<GitHubClient>;
  createPlatform: (github: GitHubClient, installationId: number) => Platform;
  log: Logger;
  now?: () => Date;
  intervalMs?: number;
}

export const SWEEP_INTERVAL_MS = 5 * 60_000;

export function createEvalSweeper(options: SweeperOptions) {
  const now = options.now ?? (() => new Date());
  const platformFor = async (id: number) => options.createPlatform(await options.auth(id), id);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const sweepOnce = async (): Promise<number> => {
    const runs = await options.store.listUnfinishedRuns();
    let collected = 0;
    for (const installationId of new Set(runs.map((r) => r.installationId))) {
      try {
        const result = await recoverRuns({
          platform: await platformFor(installationId), installationId, platformFor, store: options.store, now, newId,
          log: { info: (m) => options.log.info(m), warn: (m) => options.log.warn(m), error: (m) => options.log.error(m) },
        });
        collected += result.collected;
      } catch (error) {
        options.log.warn({ err: error }, `Could not catch up on the evaluations of installation ${installationId}: ${(error as Error).message}`);
      }
    }
    return collected;
  };

  const tick = () => {
    running ??= sweepOnce().then(() => undefined, () => undefined).finally(() => { running = null; });
  };

  return {
    sweepOnce,
    start() {
      tick();
      timer = setInterval(tick, options.intervalMs ?? SWEEP_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
