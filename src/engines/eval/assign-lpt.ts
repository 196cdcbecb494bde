/**
 * LPT (Graham 1969): portions longest first, each onto the least-loaded shard (counting the
 * overhead a shard that already holds part of the task saves). With `maxSamples`,
 * a task larger than that is first cut into ceil(s / maxSamples) near-equal portions. Ties: the
 * earlier task name, then the lower shard id, so the same input always gives the same plan.
 */
import type { Assignment, Portion } from './plan-types.js';

export function assignLpt(
  tasks: readonly Portion[], shards: number, overhead: number, maxSamples = Infinity,
): Assignment {
  const portions = tasks.flatMap((task) => cutTask(task, maxSamples));
  portions.sort((a, b) => b.samples - a.samples || compareNames(a.task, b.task));
  const loads = new Array<number>(shards).fill(0);
  const assignment: Assignment = Array.from({ length: shards }, () => []);
  for (const portion of portions) {
    const target = leastLoaded(loads, assignment, portion.task, overhead);
    const same = assignment[target]!.find((p) => p.task === portion.task);
    // Two portions of one task on one shard become one piece: one overhead, not two.
    if (same) same.samples += portion.samples;
    else assignment[target]!.push({ ...portion });
    loads[target]! += portion.samples + (same ? 0 : overhead);
  }
  return assignment;
}

/** Near-equal portions of at most maxSamples samples, the larger ones first. */
function cutTask(task: Portion, maxSamples: number): Portion[] {
  if (task.samples <= maxSamples) return [{ ...task }];
  const count = Math.ceil(task.samples / maxSamples);
  const base = Math.floor(task.samples / count);
  const extra = task.samples - base * count;
  return Array.from({ length: count }, (_, i) => ({ task: task.task, samples: base + (i < extra ? 1 : 0) }));
}

/** The shard where the portion finishes first: the least loaded, counting the overhead it would save. */
function leastLoaded(loads: readonly number[], assignment: Assignment, task: string, overhead: number): number {
  let best = -1;
  let bestEnd = Infinity;
  for (let i = 0; i < loads.length; i++) {
    const end = loads[i]! + (assignment[i]!.some((p) => p.task === task) ? 0 : overhead);
    if (end < bestEnd) {
      best = i;
      bestEnd = end;
    }
  }
  return best;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
