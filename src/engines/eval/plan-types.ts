/** The shape of an evaluation plan (SPEC.md §4, `steward eval plan --format json`). */

/** A task of a suite and its estimated cost, in samples (or seconds): whole units. */
export interface PlanTask {
  name: string;
  cost: number;
}

/** A contiguous sample range [offset, offset + limit) of one task; its cost includes the piece overhead. */
export interface PlanPiece {
  task: string;
  offset: number;
  limit: number;
  cost: number;
}

export interface PlanShard {
  id: number;
  /** The pool the suite is pinned to; null until a scheduler picks one. */
  pool: string | null;
  cost: number;
  pieces: PlanPiece[];
}

export interface ShardPlan {
  shards: PlanShard[];
  /** The largest shard cost: the estimated wall time of the run when every shard runs at once. */
  makespan: number;
  /** No plan of this many shards can have a smaller makespan (see lower-bound.ts). */
  lowerBound: number;
}

/** Samples of one task given to one shard, before offsets are assigned. */
export interface Portion {
  task: string;
  samples: number;
}

/** Portions per shard, index = shard id. */
export type Assignment = Portion[][];
