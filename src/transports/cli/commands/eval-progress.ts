/**
 * The progress of `steward eval run` on stderr: one line redrawn in place on a terminal (shards
 * done, pieces done, elapsed time), plain lines when stderr is a file or a pipe, nothing with
 * --format json (SPEC.md §4: JSON output is never mixed with progress).
 */
import type { LocalEvalEvent } from '../../../workflows/run-evaluation-locally.js';

export type ProgressMode = 'terminal' | 'lines' | 'none';

export interface Progress {
  onEvent(event: LocalEvalEvent): void;
  stop(): void;
}

export function createProgress(mode: ProgressMode, write: (text: string) => void, clock: () => number): Progress {
  const state = { total: 0, done: 0, running: 0, pieces: 0, piecesDone: 0, started: clock(), timer: undefined as NodeJS.Timeout | undefined, stopped: false };
  const elapsed = (): string => `${((clock() - state.started) / 1000).toFixed(1)}s`;
  const redraw = (): void => {
    if (mode !== 'terminal') return;
    write(`\r\x1b[Kshard ${state.done}/${state.total} done, ${state.running} running · pieces ${state.piecesDone}/${state.pieces} · ${elapsed()}`);
  };
  return {
    onEvent(event) {
      if (mode === 'none') return;
      track(state, event);
      if (mode === 'lines') {
        const line = describe(event, elapsed);
        if (line) write(`${line}\n`);
      } else {
        if (event.kind === 'planned') state.timer = setInterval(redraw, 250).unref();
        redraw();
      }
    },
    stop() {
      if (state.timer) clearInterval(state.timer);
      // Clears the progress line once, so the result starts on a clean line.
      if (mode === 'terminal' && state.total && !state.stopped) write('\r\x1b[K');
      // A blank line parts the progress lines from the result when both go to the same screen.
      if (mode === 'lines' && state.total && !state.stopped) write('\n');
      state.stopped = true;
    },
  };
}

function track(state: { total: number; done: number; running: number; pieces: number; piecesDone: number }, event: LocalEvalEvent): void {
  if (event.kind === 'planned') {
    state.total = event.plan.shards.length;
    state.pieces = event.plan.shards.reduce((n, s) => n + s.pieces.length, 0);
  } else if (event.kind === 'shard-started') state.running++;
  else if (event.kind === 'piece-finished') state.piecesDone++;
  else {
    state.running--;
    state.done++;
  }
}

function describe(event: LocalEvalEvent, elapsed: () => string): string | null {
  if (event.kind === 'planned') {
    const { plan } = event;
    const costs = plan.learned ? 'costs learned from earlier runs' : 'costs as configured';
    return `Run ${event.runId}: suite "${event.suite}", ${plan.shards.length} shard${plan.shards.length === 1 ? '' : 's'}, ${event.concurrency} at a time (${costs})`;
  }
  if (event.kind === 'shard-started') {
    const pieces = event.shard.pieces.map((p) => `${p.task} [${p.offset}, ${p.offset + p.limit})`).join(', ');
    return `shard ${event.shard.id + 1}/${event.total} started: ${pieces}`;
  }
  if (event.kind === 'piece-finished') {
    const p = event.piece;
    return p.status === 'ok' ? null : `shard ${event.shard + 1}: ${p.task} [${p.offset}, ${p.offset + p.limit}) ${p.status} after ${p.seconds.toFixed(1)}s`;
  }
  const pieces = event.result?.pieces ?? [];
  const ok = pieces.filter((p) => p.status === 'ok').length;
  const how = event.reason ?? (ok === pieces.length ? `${ok} piece${ok === 1 ? '' : 's'} ok` : `${pieces.length - ok} of ${pieces.length} pieces failed`);
  return `shard ${event.shard + 1}/${event.total} finished (${elapsed()}): ${how}`;
}
