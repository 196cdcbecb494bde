/**
 * McNaughton's wrap-around rule with a piece overhead: tasks longest first fill shard 0 up to the
 * capacity C, a task that does not fit is cut where the shard is full and goes on in the next shard
 * with a new overhead. The least C that fits all shards is found by binary search. Each cut costs
 * one overhead, so with m shards the result stays within about (m − 1)·h / m + h of the lower bound.
 */
import type { Assignment, Portion } from './plan-types.js';

/** null when no whole capacity fits (fractional overheads can defeat the search): the caller keeps its other candidates. */
export function assignWrap(tasks: readonly Portion[], shards: number, overhead: number, from: number): Assignment | null {
  // Everything in shard 0 always fits: the search starts with a capacity that works.
  let high = Math.ceil(tasks.reduce((sum, t) => sum + t.samples + overhead, 0));
  let low = Math.min(high, Math.max(0, Math.floor(from)));
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (wrapAt(tasks, shards, overhead, mid)) high = mid;
    else low = mid + 1;
  }
  return wrapAt(tasks, shards, overhead, high);
}

/** The wrap-around assignment at capacity C, or null when it needs more than `shards` shards. */
function wrapAt(tasks: readonly Portion[], shards: number, overhead: number, capacity: number): Assignment | null {
  const assignment: Assignment = [[]];
  let load = 0;
  for (const task of tasks) {
    let left = task.samples;
    for (;;) {
      const room = capacity - load - overhead;
      if (room >= left) {
        assignment[assignment.length - 1]!.push({ task: task.task, samples: left });
        load += overhead + left;
        break;
      }
      if (room < 1 && load === 0) return null; // not one sample fits even an empty shard
      if (room >= 1) {
        assignment[assignment.length - 1]!.push({ task: task.task, samples: Math.floor(room) });
        left -= Math.floor(room);
      }
      if (assignment.length === shards) return null;
      assignment.push([]);
      load = 0;
    }
  }
  while (assignment.length < shards) assignment.push([]);
  return assignment;
}
