/**
 * Answering webhooks comes before working them. The server and the worker share one thread: under a
 * burst, work the worker takes would slow every answer (GitHub gives up on a delivery after 10 s).
 * The worker waits until no webhook is being answered before it takes the next delivery, at most
 * `maxWaitMs`, so a burst is answered at full speed and the queue (durable) is worked right after;
 * under load that never stops, work still goes on, a delivery per lane at least every `maxWaitMs`.
 */
export interface LoadGate {
  /** Marks a webhook being answered; call the returned function when it is answered. */
  enter(): () => void;
  /** Resolves when no webhook is being answered, or after `maxWaitMs`. */
  whenIdle(): Promise<void>;
}

export function createLoadGate(maxWaitMs = 1000): LoadGate {
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const release = () => {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  return {
    enter() {
      inFlight++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        if (--inFlight === 0) release();
      };
    },
    whenIdle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, maxWaitMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
