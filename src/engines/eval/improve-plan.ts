/**
 * Local search on an assignment (portions per shard): the constructive candidates of plan-shards.ts
 * each leave a little room unused where h is large beside a shard's work. Repeatedly the most loaded
 * shard (lowest id on a tie) gives work away by the move that leaves both shards it touches lowest:
 *   (a) one of its pieces moved whole to another shard (onto a piece of the same task: no overhead);
 *   (b) samples shifted to another shard already holding the same task (both end near the middle);
 *   (c) samples cut off into a new piece on another shard (pays one more h);
 *   (d) one of its pieces swapped with a smaller piece of another task on another shard.
 * A move is taken only when both shards end strictly below the current makespan, so the pair
 * (makespan, shards at the makespan) strictly drops and the result is never worse; the search stops
 * when no move helps or after 10 moves per piece. Samples are only moved, never made or lost, and
 * plan-shards.ts gives each task's portions offsets in shard order, so the pieces stay contiguous.
 */
import type { Assignment, Portion } from './plan-types.js';

interface Move {
  /** The larger of the two shards' loads after the move: the least wins. */
  peak: number;
  apply: () => void;
}

export function improvePlan(assignment: Assignment, overhead: number): Assignment {
  const shards = assignment.map(mergeSameTask);
  const loads = shards.map((s) => loadOf(s, overhead));
  const moves = 10 * Math.max(1, shards.reduce((n, s) => n + s.length, 0));
  for (let step = 0; step < moves; step++) {
    const top = loads.indexOf(Math.max(...loads));
    const move = bestMove(shards, loads, top, overhead);
    if (!move) break;
    move.apply();
    for (let i = 0; i < shards.length; i++) loads[i] = loadOf(shards[i]!, overhead);
  }
  return shards.map((s) => s.filter((p) => p.samples > 0 || isOnlyPiece(shards, p)));
}

/** One portion per task per shard: two of one task on one shard pay one overhead, not two. */
function mergeSameTask(portions: readonly Portion[]): Portion[] {
  const merged: Portion[] = [];
  for (const p of portions) {
    const same = merged.find((q) => q.task === p.task);
    if (same) same.samples += p.samples;
    else merged.push({ ...p });
  }
  return merged;
}

const loadOf = (portions: readonly Portion[], overhead: number): number => portions.reduce((sum, p) => sum + p.samples + overhead, 0);

/** A task with no samples keeps its one (empty) piece; every other emptied portion is dropped. */
function isOnlyPiece(shards: readonly Portion[][], piece: Portion): boolean {
  return shards.flat().filter((p) => p.task === piece.task).length === 1;
}

function bestMove(shards: Portion[][], loads: readonly number[], top: number, overhead: number): Move | null {
  const makespan = loads[top]!;
  const below = makespan - 1e-9 * Math.max(1, makespan);
  let best: Move | null = null;
  const offer = (peak: number, apply: () => void): void => {
    if (peak < below && (!best || peak < best.peak - 1e-12)) best = { peak, apply };
  };
  for (const piece of shards[top]!) {
    for (let t = 0; t < shards.length; t++) {
      if (t === top) continue;
      const same = shards[t]!.find((p) => p.task === piece.task);
      if (same) offerShift(piece, same, makespan, loads[t]!, overhead, offer, shards[top]!);
      else offerNewPiece(piece, shards[t]!, makespan, loads[t]!, overhead, offer, shards[top]!);
      offerSwaps(piece, shards[top]!, shards[t]!, makespan, loads[t]!, offer);
    }
  }
  return best;
}

type Offer = (peak: number, apply: () => void) => void;

/** (a, b): x samples to a shard already running the task; all of them also saves the overhead. */
function offerShift(piece: Portion, same: Portion, from: number, to: number, overhead: number, offer: Offer, source: Portion[]): void {
  const all = piece.samples;
  offer(Math.max(from - all - overhead, to + all), () => {
    same.samples += all;
    source.splice(source.indexOf(piece), 1);
  });
  for (const x of middle((from - to) / 2, all - 1)) {
    offer(Math.max(from - x, to + x), () => {
      piece.samples -= x;
      same.samples += x;
    });
  }
}

/** (a, c): the whole piece, or x of its samples as a new piece, to a shard without the task. */
function offerNewPiece(piece: Portion, target: Portion[], from: number, to: number, overhead: number, offer: Offer, source: Portion[]): void {
  offer(Math.max(from - piece.samples - overhead, to + piece.samples + overhead), () => {
    source.splice(source.indexOf(piece), 1);
    target.push(piece);
  });
  for (const x of middle((from - to - overhead) / 2, piece.samples - 1)) {
    offer(Math.max(from - x, to + overhead + x), () => {
      piece.samples -= x;
      target.push({ task: piece.task, samples: x });
    });
  }
}

/** (d): the piece for a smaller one of another task, when neither shard runs the other's task. */
function offerSwaps(piece: Portion, source: Portion[], target: Portion[], from: number, to: number, offer: Offer): void {
  if (target.some((p) => p.task === piece.task)) return;
  for (const other of target) {
    const gain = piece.samples - other.samples;
    if (gain <= 0 || source.some((p) => p.task === other.task)) continue;
    offer(Math.max(from - gain, to + gain), () => {
      source[source.indexOf(piece)] = other;
      target[target.indexOf(other)] = piece;
    });
  }
}

/** Whole sample counts in [1, most] next to the balancing point (at most two). */
function middle(point: number, most: number): number[] {
  if (most < 1) return [];
  const near = [Math.floor(point), Math.ceil(point)].map((x) => Math.min(most, Math.max(1, x)));
  return [...new Set(near)];
}
