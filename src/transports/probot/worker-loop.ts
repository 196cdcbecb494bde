/** The worker's background loop: drain the queue, sleep until woken or the poll interval, repeat. */
import type { Logger } from 'probot';
import { describeError } from './retry-policy.js';

export interface LoopOptions {
  /** Works due deliveries; stops claiming more once `stopping()` is true (SIGTERM with a backlog). */
  drainOnce: (stopping: () => boolean) => Promise<number>;
  /** Deletes old finished deliveries; called at most once an hour. */
  prune: (now: Date) => Promise<unknown>;
  now: () => Date;
  log: Logger;
  pollMs: number;
}

export interface Loop {
  start(): void;
  wake(): void;
  stop(): Promise<void>;
}

export function createLoop(options: LoopOptions): Loop {
  let running: Promise<void> | null = null;
  let stopping = false;
  let lastPrune = 0;
  const alarm = createAlarm();
  const loop = async () => {
    while (!stopping) {
      alarm.reset();
      try {
        await options.drainOnce(() => stopping);
        const now = options.now();
        if (now.getTime() - lastPrune >= 3_600_000) {
          lastPrune = now.getTime();
          await options.prune(now);
        }
      } catch (error) {
        // The store itself failed (database down): keep the loop alive and try again later.
        options.log.error({ err: error }, `Worker could not read the queue: ${describeError(error)}`);
      }
      if (!stopping) await alarm.sleep(options.pollMs);
    }
  };
  return {
    start() {
      stopping = false;
      running ??= loop().finally(() => (running = null));
    },
    wake: alarm.ring,
    async stop() {
      stopping = true;
      alarm.ring();
      await running;
    },
  };
}

/** A sleep that `ring` cuts short; a ring while awake is kept, so the next sleep returns at once. */
function createAlarm() {
  let rung = false;
  let wakeUp: (() => void) | null = null;
  return {
    reset: () => void (rung = false),
    ring() {
      rung = true;
      wakeUp?.();
    },
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        if (rung) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        }
        wakeUp = done;
      }),
  };
}
