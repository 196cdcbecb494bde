/**
 * Local search on an assignment (portions per shard): the constructive candidates of plan-shards.ts
 * each leave a little room unused where h is large beside a shard's work. Repeatedly the most loaded
 * shard (lowest id on a tie) gives work away by the move that leaves both shards it touches lowest:
 *   (a) one of its pieces moved whole to another shard (onto a piece of the same task: no overhead);
 *   (b) samples shifted to another shard already holding the same task (both end near the middle);
 *   (c) samples cut off into a new piece on another shard (pays one more h);
 *   (d) one of its pieces exchanged for a lighter one of another task on another shard.
 * A move is taken only when both shards end strictly below the current makespan, so the pair
 * (makespan, shards at the makespan) strictly drops and the result is never worse; the search stops
 * when no move helps or after 10 moves per piece (pairs of pieces: no better on the bench, 4× slower).
 * Samples only move, and plan-shards.ts gives each task's portions offsets in shard order: contiguous.
 */
import type { Assignment, Portion } from './plan-types.js';

/** A change off the top shard to `target`, kept as data: most offers lose, so nothing is built for them. */
type Change =
  | { kind: 'shift'; piece: Portion; same: Portion; samples: number }
  | { kind: 'split'; piece: Portion; samples: number }
  | { kind: 'move'; piece: Portion }
  | { kind: 'swap'; piece: Portion; other: Portion };

interface Move {
  peak: number; // the larger of the two shards' loads after the move: the least wins
  target: number;
  change: Change;
}

/** The best move so far; only peaks under `below` (just under the makespan) count. */
interface Search {
  below: number;
  target: number;
  best: Move | null;
}

const beats = (search: Search, peak: number): boolean => peak < search.below && (!search.best || peak < search.best.peak - 1e-12);
const take = (search: Search, peak: number, change: Change): void => {
  search.best = { peak, target: search.target, change };
};

/** The assignment improved by the moves above; `floor` (a lower bound) stops the search once reached. */
export function improvePlan(assignment: Assignment, overhead: number, floor = 0): Assignment {
  const shards = assignment.map(mergeSameTask);
  const loads = shards.map((s) => loadOf(s, overhead));
  const moves = 10 * Math.max(1, shards.reduce((n, s) => n + s.length, 0));
  for (let step = 0; step < moves; step++) {
    const top = loads.indexOf(Math.max(...loads));
    if (loads[top]! <= floor) break; // nothing beats a plan at the bound
    const move = bestMove(shards, loads, top, overhead);
    if (!move) break;
    applyChange(move.change, shards[top]!, shards[move.target]!);
    // Loads are summed afresh, not adjusted: fractional overheads would otherwise drift.
    loads[top] = loadOf(shards[top]!, overhead);
    loads[move.target] = loadOf(shards[move.target]!, overhead);
  }
  return shards;
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

function bestMove(shards: Portion[][], loads: readonly number[], top: number, overhead: number): Move | null {
  const makespan = loads[top]!;
  const search: Search = { below: makespan - 1e-9 * Math.max(1, makespan), target: -1, best: null };
  const source = shards[top]!;
  const given = new Set(source.map((p) => p.task));
  // Every move but one of an empty piece raises the other shard by a sample or by h at least.
  const least = overhead > 0 ? Math.min(1, overhead) : 1;
  for (let t = 0; t < shards.length; t++) {
    if (t === top || loads[t]! + least >= search.below) continue;
    search.target = t;
    for (const piece of source) {
      const same = shards[t]!.find((p) => p.task === piece.task);
      if (same) offerShift(search, piece, same, makespan, loads[t]!, overhead);
      else offerSplit(search, piece, makespan, loads[t]!, overhead);
    }
    offerExchanges(search, source, given, shards[t]!, [makespan, loads[t]!], overhead);
  }
  return search.best;
}

function applyChange(change: Change, source: Portion[], target: Portion[]): void {
  const { piece } = change;
  if (change.kind === 'shift') {
    piece.samples -= change.samples;
    change.same.samples += change.samples;
    if (piece.samples === 0) source.splice(source.indexOf(piece), 1);
  } else if (change.kind === 'split') {
    piece.samples -= change.samples;
    target.push({ task: piece.task, samples: change.samples });
  } else if (change.kind === 'move') {
    source.splice(source.indexOf(piece), 1);
    target.push(piece);
  } else {
    source[source.indexOf(piece)] = change.other;
    target[target.indexOf(change.other)] = piece;
  }
}

/** (a, b): x samples to a shard already running the task; all of them also saves the overhead. */
function offerShift(search: Search, piece: Portion, same: Portion, from: number, to: number, overhead: number): void {
  const all = piece.samples;
  const whole = Math.max(from - all - overhead, to + all);
  if (beats(search, whole)) take(search, whole, { kind: 'shift', piece, same, samples: all });
  for (const x of middle((from - to) / 2, all - 1)) {
    const peak = Math.max(from - x, to + x);
    if (beats(search, peak)) take(search, peak, { kind: 'shift', piece, same, samples: x });
  }
}

/** (c): x of the piece's samples as a new piece on a shard without the task. */
function offerSplit(search: Search, piece: Portion, from: number, to: number, overhead: number): void {
  for (const x of middle((from - to - overhead) / 2, piece.samples - 1)) {
    const peak = Math.max(from - x, to + overhead + x);
    if (beats(search, peak)) take(search, peak, { kind: 'split', piece, samples: x });
  }
}

/** (a, d): a piece moved whole, or for a lighter one, where neither shard runs the task it gets. */
function offerExchanges(search: Search, source: Portion[], given: ReadonlySet<string>, target: Portion[], [from, to]: [number, number], overhead: number): void {
  for (const piece of source) {
    if (target.some((q) => q.task === piece.task)) continue;
    const moved = Math.max(from - piece.samples - overhead, to + piece.samples + overhead);
    if (beats(search, moved)) take(search, moved, { kind: 'move', piece });
    for (const other of target) {
      const gain = piece.samples - other.samples;
      if (gain <= 0 || given.has(other.task)) continue;
      const peak = Math.max(from - gain, to + gain);
      if (beats(search, peak)) take(search, peak, { kind: 'swap', piece, other });
    }
  }
}

/** Whole sample counts in [1, most] next to the balancing point (at most two). */
function middle(point: number, most: number): number[] {
  if (most < 1) return [];
  const near = [Math.floor(point), Math.ceil(point)].map((x) => Math.min(most, Math.max(1, x)));
  return [...new Set(near)];
}
