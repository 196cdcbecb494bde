/**
 * The evaluation part of the store (issue 4, item 8): runs, shards, attempts, dispatches, the
 * dispatch queue, the usage ledger and learned piece durations. Every write that could happen twice
 * (a redelivered webhook, two replicas) is guarded by a key in the database, never by a read first.
 */
import type { ShardResult } from '../engines/eval/shard-types.js';
import type { ShardPlan } from '../engines/eval/plan-types.js';
import type { RunResult } from '../engines/eval/result-types.js';
import type { EvalConfig } from '../engines/eval/eval-config.js';

export type RunStatus = 'awaiting-approval' | 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';
export type ShardStatus = 'queued' | 'dispatched' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type AttemptStatus = 'waiting' | 'dispatched' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface NewRun {
  owner: string;
  repo: string;
  installationId: number;
  /** Null for a baseline run on the default branch. */
  pr: number | null;
  headSha: string;
  headBranch: string | null;
  /** True on the default branch: later PR runs compare with the last completed one. */
  baseline: boolean;
  suite: string;
  plan: ShardPlan;
  /** The evaluation config the run was planned with (pools, quotas, retries…), kept so that later
   *  events (workflow_run.completed, a restart) decide by the same rules. */
  config: EvalConfig;
  /** What started it: "comment", "label", "paths", "action", "push", "cli". */
  trigger: string;
  requestedBy: string | null;
  status: 'awaiting-approval' | 'queued';
  createdAt: Date;
}

export interface RunRecord extends Omit<NewRun, 'createdAt' | 'status'> {
  id: string;
  status: RunStatus;
  createdAt: Date;
  updatedAt: Date;
  result: RunResult | null;
  checkRunId: number | null;
  commentId: number | null;
}

export interface ShardRecord {
  run: string;
  shard: number;
  status: ShardStatus;
  /** The pool of its latest attempt, or the pinned pool, or null. */
  pool: string | null;
  cost: number;
  attempts: number;
  /** The accepted result (of the successful attempt, or the last one). */
  result: ShardResult | null;
}

export interface AttemptRecord {
  run: string;
  shard: number;
  attempt: number;
  pool: string | null;
  status: AttemptStatus;
  dispatchId: string | null;
  workflowRunId: number | null;
  dispatchedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
}

/** A queue entry: one shard attempt waiting for capacity. */
export interface QueueEntry {
  key: string;
  run: string;
  shard: number;
  attempt: number;
  owner: string;
  repo: string;
  installationId: number;
  cost: number;
  pool: string | null;
  avoid: string[];
  allowed: string[];
  enqueuedAt: Date;
}

/** One workflow_dispatch call carrying one or more shard attempts (a JSON matrix). */
export interface DispatchRecord {
  id: string;
  run: string;
  owner: string;
  repo: string;
  /** The shard attempts it carries. */
  shards: { shard: number; attempt: number }[];
  workflowRunId: number | null;
  createdAt: Date;
}

export interface PieceDuration {
  owner: string;
  repo: string;
  suite: string;
  task: string;
  samples: number;
  seconds: number;
  at: Date;
}

export interface EvalStore {
  /**
   * Creates the run and its shards (status queued, attempt 0), or returns the active run (not
   * completed, cancelled or failed) with the same repository, commit and suite: `created: false`.
   */
  createRun(run: NewRun): Promise<{ run: RunRecord; created: boolean }>;
  getRun(id: string): Promise<RunRecord | null>;
  /** Active runs of a pull request (any commit), newest first: a new push cancels them. */
  listActiveRuns(owner: string, repo: string, pr: number): Promise<RunRecord[]>;
  /** Every run not yet completed, cancelled or failed, oldest first (recovery after a restart). */
  listUnfinishedRuns(): Promise<RunRecord[]>;
  /** The last completed baseline run of a suite in a repository, or null. */
  findBaseline(owner: string, repo: string, suite: string): Promise<RunRecord | null>;
  /** Moves a run to `to` only if it is in one of `from`; false when it was not (someone else moved it). */
  setRunStatus(id: string, from: RunStatus[], to: RunStatus, at: Date): Promise<boolean>;
  saveRunResult(id: string, result: RunResult, at: Date): Promise<void>;
  /** The comment Steward last wrote on a pull request's evaluations, to edit it instead of adding one. */
  latestCommentId(owner: string, repo: string, pr: number): Promise<number | null>;
  /** Remembers the check run and comment Steward wrote for the run (to update them in place). */
  setRunReport(id: string, report: { checkRunId?: number | null; commentId?: number | null }): Promise<void>;

  listShards(run: string): Promise<ShardRecord[]>;

  /**
   * Puts a shard attempt in the dispatch queue. The attempt row (run, shard, attempt) is the guard:
   * enqueuing the same attempt twice returns `inserted: false` and queues nothing.
   */
  enqueueShard(entry: Omit<QueueEntry, 'key'>): Promise<{ inserted: boolean; key: string }>;
  /** Every waiting entry of every repository (the shared pools), oldest first. */
  listQueue(): Promise<QueueEntry[]>;
  /**
   * Takes entries out of the queue for dispatch: only those still waiting are returned (a replica
   * that took one first wins), and their attempts move to `dispatched` with the given pool and
   * dispatch id. Records the dispatch.
   */
  claimForDispatch(dispatch: { id: string; run: string; owner: string; repo: string; createdAt: Date }, picks: { key: string; pool: string }[]): Promise<QueueEntry[]>;
  /** A dispatch call failed before GitHub accepted it: its attempts go back to the queue. */
  releaseDispatch(dispatchId: string): Promise<void>;
  /** Links a dispatch to the workflow run GitHub started for it (return_run_details or run-name). */
  linkDispatch(dispatchId: string, workflowRunId: number): Promise<void>;
  getDispatch(id: string): Promise<DispatchRecord | null>;
  findDispatchByWorkflowRun(workflowRunId: number): Promise<DispatchRecord | null>;
  /** In-flight attempts (dispatched or running) per pool and per repository ("owner/repo", lower case). */
  countInFlight(): Promise<{ byPool: Record<string, number>; byRepo: Record<string, number> }>;

  /**
   * Records how an attempt ended. Only the first report of an attempt counts (`recorded: false`
   * after that), so a redelivered workflow_run never counts usage twice. A succeeded attempt's
   * result becomes the shard's result.
   */
  finishAttempt(end: {
    run: string; shard: number; attempt: number; status: 'succeeded' | 'failed' | 'cancelled';
    result: ShardResult | null; error: string | null; minutes: number; at: Date;
  }): Promise<{ recorded: boolean }>;
  listAttempts(run: string): Promise<AttemptRecord[]>;
  /** Cancels the run's waiting queue entries and open attempts; returns the workflow runs to cancel on GitHub. */
  cancelRun(id: string, at: Date): Promise<{ workflowRunIds: number[] }>;

  /** Runner minutes used since `since`, per repository and per owner (lower case). */
  usageSince(since: Date): Promise<{ byRepo: Record<string, number>; byOrg: Record<string, number> }>;
  recordPieceDurations(durations: PieceDuration[]): Promise<void>;
  /** The newest `limit` durations of a suite's tasks in a repository. */
  listPieceDurations(owner: string, repo: string, suite: string, limit?: number): Promise<PieceDuration[]>;

  /** Scheduler state carried between decisions (round-robin cursor), by key. */
  getCursor(key: string): Promise<string | null>;
  setCursor(key: string, value: string): Promise<void>;
}
