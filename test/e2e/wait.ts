/** Polling helpers for process tests: conditions on the stand-in's records, and quiet periods. */
import type { Standin } from '../standin/index.js';

/** Polls until the condition holds; on timeout says what the stand-in saw. */
export async function waitFor(condition: () => boolean, timeoutMs: number, standin?: Standin): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      const seen = standin ? `; the stand-in saw: ${standin.requests().map((r) => `${r.method} ${r.path} ${r.status}`).join(', ')}; violations: ${JSON.stringify(standin.violations())}` : '';
      throw new Error(`waited ${timeoutMs} ms${seen}`);
    }
    await sleep(50);
  }
}

/** Waits until the stand-in has seen no request for `ms`: work still running (a duplicate) would show as a new one. */
export async function waitForQuiet(standin: Standin, ms: number, timeoutMs = 15_000): Promise<void> {
  await waitFor(() => Date.now() - (standin.requests().at(-1)?.time ?? 0) > ms, timeoutMs, standin);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
