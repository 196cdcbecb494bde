/** Table shapes of the evaluation store (migration 0003). Times are ISO-8601 text, JSON is text,
 *  booleans are 0/1, so one query works on SQLite and PostgreSQL. Ids GitHub hands out (check runs,
 *  comments, workflow runs) outgrow 32 bits: those columns are bigint, which `pg` returns as strings. */
import type { AttemptStatus, RunStatus, ShardStatus } from './eval-types.js';

type BigId = number | string;

export interface EvalRunsTable {
  id: string;
  owner: string;
  repo: string;
  /** lower("owner/repo"): GitHub names are case-insensitive. */
  repo_key: string;
  installation_id: BigId;
  pr: number | null;
  head_sha: string;
  head_branch: string | null;
  baseline: number;
  suite: string;
  plan: string;
  config: string;
  trigger: string;
  requested_by: string | null;
  status: RunStatus;
  /** lower(owner/repo)@sha#suite while the run is active, NULL after: the unique key that makes
   *  createRun idempotent under concurrency. */
  active_key: string | null;
  result: string | null;
  check_run_id: BigId | null;
  comment_id: BigId | null;
  created_at: string;
  updated_at: string;
}

export interface EvalShardsTable {
  run: string;
  shard: number;
  status: ShardStatus;
  pool: string | null;
  cost: number;
  /** Highest attempt number enqueued (0 before the first). */
  attempts: number;
  result: string | null;
}

export interface EvalAttemptsTable {
  run: string;
  shard: number;
  attempt: number;
  pool: string | null;
  status: AttemptStatus;
  dispatch_id: string | null;
  dispatched_at: string | null;
  finished_at: string | null;
  error: string | null;
}

export interface EvalQueueTable {
  key: string;
  run: string;
  shard: number;
  attempt: number;
  owner: string;
  repo: string;
  installation_id: BigId;
  cost: number;
  pool: string | null;
  avoid: string;
  allowed: string;
  /** 'waiting', or 'claimed' by a dispatch (kept so that releaseDispatch can put it back). */
  status: 'waiting' | 'claimed';
  dispatch_id: string | null;
  enqueued_at: string;
}

export interface EvalDispatchesTable {
  id: string;
  run: string;
  owner: string;
  repo: string;
  shards: string;
  workflow_run_id: BigId | null;
  created_at: string;
}

export interface UsageLedgerTable {
  run: string;
  shard: number;
  attempt: number;
  owner: string;
  repo: string;
  repo_key: string;
  org: string;
  pool: string;
  minutes: number;
  at: string;
}

export interface EvalPieceDurationsTable {
  owner: string;
  repo: string;
  suite: string;
  task: string;
  samples: number;
  seconds: number;
  at: string;
}

export interface EvalCursorsTable {
  key: string;
  value: string;
}

export interface EvalTables {
  eval_runs: EvalRunsTable;
  eval_shards: EvalShardsTable;
  eval_attempts: EvalAttemptsTable;
  eval_queue: EvalQueueTable;
  eval_dispatches: EvalDispatchesTable;
  usage_ledger: UsageLedgerTable;
  eval_piece_durations: EvalPieceDurationsTable;
  eval_cursors: EvalCursorsTable;
}
