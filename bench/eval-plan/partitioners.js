/**
 * The peers' partitioners, reimplemented from OpenCompass (opencompass/partitioners/num_worker.py and
 * size.py; /work/shared/research/eval-anchors.md §1, §3), plus a contiguous split. Each returns the
 * makespan on m workers when every piece (a slice of one task run by one command) pays overhead h.
 * Tasks are { name, cost } with cost in samples; a piece of s samples costs s + h.
 */

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/**
 * NumWorkerPartitioner, strategy 'heuristic': num_split = num_worker = m; a dataset of more than
 * min_task_size (16) docs is cut into slices of step = max(ceil(size / m), 16); the slices of all
 * datasets, in config order ("intentionally avoid any sort here"), go to bucket i % m.
 */
export function planNumWorker(tasks, m, h, minTaskSize = 16) {
  const chunks = [];
  for (const { cost: size } of tasks) {
    if (size <= minTaskSize) {
      chunks.push(size);
      continue;
    }
    const step = Math.max(Math.ceil(size / m), minTaskSize);
    for (let i = 0; i < size; i += step) chunks.push(Math.min(step, size - i));
  }
  const loads = new Array(m).fill(0);
  chunks.forEach((samples, i) => { loads[i % m] += samples + h; });
  return { makespan: Math.max(...loads), pieces: chunks.length };
}

/**
 * SizePartitioner, strategy 'heuristic', with factor 1 (the costs here are already the true costs;
 * OpenCompass multiplies doc counts by hand-set factors to estimate them). Datasets sorted by cost,
 * largest first (Python's sort is stable, so is JS's); one of cost > max_task_size is cut into
 * slices of step = ceil(size / ceil(size / max_task_size)), each charged max_task_size; the chunks,
 * sorted largest charge first, are packed next-fit: a task closes when the next chunk would take it
 * over max_task_size. Its task count is not fixed: the tasks then run on m workers, longest first
 * onto the least-loaded worker (LPT; OpenCompass's runners take tasks in list order, which is never
 * better). The cap is not tied to m either: we try total/m, total/2m and total/4m and keep the best
 * makespan, so the peer gets its best setting.
 */
export function planSize(tasks, m, h) {
  const total = sum(tasks.map((t) => t.cost));
  let best = null;
  for (const divisor of [1, 2, 4]) {
    const cap = Math.max(1, Math.ceil(total / (m * divisor)));
    const groups = packBySize(tasks, cap);
    const makespan = runLpt(groups.map((g) => sum(g) + g.length * h), m);
    if (!best || makespan < best.makespan) best = { makespan, pieces: sum(groups.map((g) => g.length)), tasks: groups.length, cap };
  }
  return best;
}

/** SizePartitioner.partition: groups of chunk sizes (samples), one group per OpenCompass task. */
export function packBySize(tasks, maxTaskSize) {
  const sorted = [...tasks].sort((a, b) => b.cost - a.cost);
  const chunks = [];
  for (const { cost: size } of sorted) {
    if (size <= maxTaskSize) {
      chunks.push({ charged: size, samples: size });
      continue;
    }
    const step = Math.ceil(size / Math.ceil(size / maxTaskSize));
    for (let i = 0; i < size; i += step) chunks.push({ charged: maxTaskSize, samples: Math.min(step, size - i) });
  }
  chunks.sort((a, b) => b.charged - a.charged);
  const groups = [];
  let current = [];
  let charged = 0;
  chunks.forEach((chunk, index) => {
    charged += chunk.charged;
    current.push(chunk.samples);
    if (index === chunks.length - 1 || charged + chunks[index + 1].charged > maxTaskSize) {
      groups.push(current);
      current = [];
      charged = 0;
    }
  });
  return groups;
}

/** Longest processing time first onto the least-loaded of m workers; returns the makespan. */
export function runLpt(costs, m) {
  const loads = new Array(m).fill(0);
  for (const cost of [...costs].sort((a, b) => b - a)) {
    let least = 0;
    for (let i = 1; i < m; i++) if (loads[i] < loads[least]) least = i;
    loads[least] += cost;
  }
  return Math.max(...loads);
}

/**
 * Contiguous split: all samples of all tasks in config order, cut into m ranges of equal length
 * (boundaries floor(k·N/m)); each task a range touches is one piece of that range.
 */
export function planContiguous(tasks, m, h) {
  const total = sum(tasks.map((t) => t.cost));
  const starts = [];
  let at = 0;
  for (const t of tasks) {
    starts.push(at);
    at += t.cost;
  }
  let makespan = 0;
  let pieces = 0;
  let first = 0;
  for (let k = 0; k < m; k++) {
    const [lo, hi] = [Math.floor((k * total) / m), Math.floor(((k + 1) * total) / m)];
    if (hi === lo) continue;
    while (first < tasks.length - 1 && starts[first] + tasks[first].cost <= lo) first++;
    let touched = 0;
    for (let i = first; i < tasks.length && starts[i] < hi; i++) if (starts[i] + tasks[i].cost > lo) touched++;
    pieces += touched;
    makespan = Math.max(makespan, hi - lo + touched * h);
  }
  return { makespan, pieces };
}
