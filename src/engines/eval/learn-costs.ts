/**
 * `learnCosts`: per-task seconds per sample and a shared per-piece overhead, fitted to the durations
 * of past pieces (issue 4, item 2). Model: seconds = overhead + rate_task × samples, least squares
 * over all rows with the overhead clamped to ≥ 0 (the loss is convex in it, so clamping is exact)
 * and rates clamped to ≥ 0. Only each task's newest rows count (history is oldest first): a model
 * or runner change makes old durations wrong, and a bounded window keeps one bad week from ruling.
 * A task with no usable history gets the median rate of the tasks that have some.
 */
export interface HistoryRow {
  task: string;
  samples: number;
  seconds: number;
}

export interface LearnedCosts {
  /** Seconds every piece pays on top of its samples (model load, task set-up). */
  overhead: number;
  /** Seconds per sample, by task; tasks without history get the median of the others. */
  rates: Record<string, number>;
  /** Tasks whose rate came from their own history. */
  measured: string[];
}

export const NEWEST_ROWS_PER_TASK = 50;

interface TaskSums { s1: number; s2: number; sy: number; rows: HistoryRow[] }

/** Null when no row of any of these tasks is usable: plan on the estimates then. */
export function learnCosts(tasks: readonly string[], history: readonly HistoryRow[]): LearnedCosts | null {
  const sums = sumByTask(tasks, history);
  if (!sums.size) return null;
  const overhead = fitOverhead(sums);
  const rates: Record<string, number> = {};
  // A rate under a nanosecond per sample is rounding noise of a fit where start-up is everything.
  for (const [task, t] of sums) rates[task] = snapToZero(Math.max(0, (t.sy - overhead * t.s1) / t.s2));
  const known = Object.values(rates).sort((a, b) => a - b);
  const median = known.length % 2 ? known[(known.length - 1) / 2]! : (known[known.length / 2 - 1]! + known[known.length / 2]!) / 2;
  for (const task of tasks) if (!(sums.has(task))) rates[task] = median;
  return { overhead, rates, measured: [...sums.keys()] };
}

const snapToZero = (rate: number): number => (rate < MIN_RATE ? 0 : rate);

/** Seconds per sample below which a fitted rate is taken as 0. */
export const MIN_RATE = 1e-9;

/** Usable rows (finite, non-negative) of the wanted tasks, newest NEWEST_ROWS_PER_TASK per task. */
function sumByTask(tasks: readonly string[], history: readonly HistoryRow[]): Map<string, TaskSums> {
  const wanted = new Set(tasks);
  const byTask = new Map<string, HistoryRow[]>();
  for (const row of history) {
    if (!wanted.has(row.task) || !isUsable(row)) continue;
    const rows = byTask.get(row.task) ?? [];
    rows.push(row);
    byTask.set(row.task, rows);
  }
  const sums = new Map<string, TaskSums>();
  for (const [task, all] of byTask) {
    const rows = all.slice(-NEWEST_ROWS_PER_TASK);
    const t = { s1: 0, s2: 0, sy: 0, rows };
    for (const r of rows) {
      t.s1 += r.samples;
      t.s2 += r.samples * r.samples;
      t.sy += r.samples * r.seconds;
    }
    // A task seen only with 0 samples says nothing about its rate.
    if (t.s2 > 0) sums.set(task, t);
  }
  return sums;
}

const isUsable = (r: HistoryRow): boolean =>
  Number.isFinite(r.samples) && Number.isFinite(r.seconds) && r.samples >= 0 && r.seconds >= 0;

/**
 * With each rate at its optimum for a given overhead h, row i's residual is a_i − h·b_i where
 * a_i = y_i − (Sy/S2)·s_i and b_i = 1 − (S1/S2)·s_i; so h = Σ a·b / Σ b². When every task was only
 * ever run at one size, Σ b² = 0: the overhead cannot be told apart from the rates, and is 0.
 */
function fitOverhead(sums: ReadonlyMap<string, TaskSums>): number {
  let ab = 0;
  let bb = 0;
  for (const t of sums.values()) {
    for (const r of t.rows) {
      const a = r.seconds - (t.sy / t.s2) * r.samples;
      const b = 1 - (t.s1 / t.s2) * r.samples;
      ab += a * b;
      bb += b * b;
    }
  }
  const h = bb > 1e-9 ? ab / bb : 0;
  return Number.isFinite(h) && h > 0 ? h : 0;
}
