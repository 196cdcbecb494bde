/**
 * Best-fit packing with splitting, for when the piece overhead h is large beside a shard's work:
 * wrap-around (assign-wrap.ts) cuts a task wherever a shard's room runs out and pays a full h for
 * the sliver, and LPT spreads whole tasks evenly instead of filling shards. Here, at a capacity C,
 * each task (longest first) goes whole onto the shard with the least room that still holds it; a
 * task that fits nowhere is cut into as few pieces as the rooms allow, the largest rooms first, and
 * its last piece goes onto the tightest shard that holds it. The least C that packs is found by
 * binary search between a lower bound and the best makespan so far (packing is not monotone in C,
 * so this finds a good C, not always the least).
 */
import type { Assignment, Portion } from './plan-types.js';

/** The packing at the least capacity found in [from, below), or null when none below `below` packs. */
export function assignFit(tasks: readonly Portion[], shards: number, overhead: number, from: number, below: number): Assignment | null {
  let low = Math.max(0, Math.ceil(from));
  let high = Math.ceil(below) - 1;
  let best: Assignment | null = null;
  // A bounded search: beyond 2^53 (or with an infinite best) the midpoints stop moving.
  for (let step = 0; low <= high && step < 64 && Number.isFinite(high); step++) {
    const mid = Math.floor((low + high) / 2);
    const packed = packAt(tasks, shards, overhead, mid);
    if (packed) {
      best = packed;
      high = mid - 1;
    } else low = mid + 1;
  }
  return best;
}

/** The packing at capacity C (tasks longest first), or null when some task finds no room. */
export function packAt(tasks: readonly Portion[], shards: number, overhead: number, capacity: number): Assignment | null {
  const rooms = new Array<number>(shards).fill(capacity);
  const assignment: Assignment = Array.from({ length: shards }, () => []);
  for (const task of tasks) {
    const whole = tightest(rooms, task.samples + overhead, new Set());
    if (whole >= 0) {
      assignment[whole]!.push({ ...task });
      rooms[whole]! -= task.samples + overhead;
      continue;
    }
    const pieces = cutIntoRooms(task, rooms, overhead);
    if (!pieces) return null;
    for (const [shard, samples] of pieces) {
      assignment[shard]!.push({ task: task.task, samples });
      rooms[shard]! -= samples + overhead;
    }
  }
  return assignment;
}

/** The shard with the least room that still holds `need` (lowest id on a tie), or −1. */
function tightest(rooms: readonly number[], need: number, skip: ReadonlySet<number>): number {
  let best = -1;
  for (let i = 0; i < rooms.length; i++) {
    if (skip.has(i) || rooms[i]! < need - 1e-9) continue;
    if (best < 0 || rooms[i]! < rooms[best]!) best = i;
  }
  return best;
}

/**
 * [shard, samples] pieces of a task that fits no single room: the fewest largest rooms whose sample
 * room covers the task; all but the last filled, the last onto the tightest shard that holds it.
 * A last piece smaller than h takes samples back from the first ones (up to h): a piece that pays a
 * full overhead for a handful of samples is what the planner avoids, and the count is the same.
 */
function cutIntoRooms(task: Portion, rooms: readonly number[], overhead: number): [number, number][] | null {
  if (task.samples === 0) return null; // a task of no samples runs once, whole, or not at all
  const usable = rooms.map((room) => Math.max(0, Math.floor(room - overhead + 1e-9)));
  const order = usable.map((_, i) => i).filter((i) => usable[i]! >= 1).sort((a, b) => usable[b]! - usable[a]! || a - b);
  const pieces: [number, number][] = [];
  let left = task.samples;
  for (const shard of order) {
    if (left <= usable[shard]!) break;
    pieces.push([shard, usable[shard]!]);
    left -= usable[shard]!;
  }
  if (pieces.length === order.length) return null;
  const wanted = Math.min(overhead, usable[order[pieces.length]!]!);
  for (const piece of pieces) {
    if (left >= wanted) break;
    const give = Math.min(Math.ceil(wanted - left), piece[1] - 1);
    piece[1] -= give;
    left += give;
  }
  const last = tightest(usable, left, new Set(pieces.map(([shard]) => shard)));
  return [...pieces, [last, left]];
}
