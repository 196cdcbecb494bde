/** Rows of the evaluation tables ↔ the records of eval-types.ts (JSON text, 0/1, ISO text, bigint). */
import type { Selectable } from 'kysely';
import type { EvalAttemptsTable, EvalDispatchesTable, EvalQueueTable, EvalRunsTable, EvalShardsTable } from './eval-schema.js';
import type { AttemptRecord, DispatchRecord, NewRun, QueueEntry, RunRecord, ShardRecord } from './eval-types.js';
import { repoKey, toNumber } from './eval-tx.js';

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));
const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toRunRow(id: string, run: NewRun): EvalRunsTable {
  const at = run.createdAt.toISOString();
  return {
    id,
    owner: run.owner,
    repo: run.repo,
    repo_key: repoKey(run.owner, run.repo),
    installation_id: run.installationId,
    pr: run.pr,
    head_sha: run.headSha,
    head_branch: run.headBranch,
    baseline: run.baseline ? 1 : 0,
    suite: run.suite,
    plan: JSON.stringify(run.plan),
    config: JSON.stringify(run.config),
    trigger: run.trigger,
    requested_by: run.requestedBy,
    status: run.status,
    active_key: `${repoKey(run.owner, run.repo)}@${run.headSha.toLowerCase()}#${run.suite}`,
    result: null,
    check_run_id: null,
    comment_id: null,
    created_at: at,
    updated_at: at,
  };
}

export function toRun(row: Selectable<EvalRunsTable>): RunRecord {
  return {
    id: row.id,
    owner: row.owner,
    repo: row.repo,
    installationId: Number(row.installation_id),
    pr: row.pr === null ? null : Number(row.pr),
    headSha: row.head_sha,
    headBranch: row.head_branch,
    baseline: Number(row.baseline) === 1,
    suite: row.suite,
    plan: JSON.parse(row.plan) as RunRecord['plan'],
    config: JSON.parse(row.config) as RunRecord['config'],
    trigger: row.trigger,
    requestedBy: row.requested_by,
    status: row.status,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    result: json<RunRecord['result']>(row.result),
    checkRunId: toNumber(row.check_run_id),
    commentId: toNumber(row.comment_id),
  };
}

export function toShard(row: Selectable<EvalShardsTable>): ShardRecord {
  return {
    run: row.run,
    shard: Number(row.shard),
    status: row.status,
    pool: row.pool,
    cost: Number(row.cost),
    attempts: Number(row.attempts),
    result: json<ShardRecord['result']>(row.result),
  };
}

export function toAttempt(row: Selectable<EvalAttemptsTable> & { workflow_run_id: number | string | null }): AttemptRecord {
  return {
    run: row.run,
    shard: Number(row.shard),
    attempt: Number(row.attempt),
    pool: row.pool,
    status: row.status,
    dispatchId: row.dispatch_id,
    workflowRunId: toNumber(row.workflow_run_id),
    dispatchedAt: date(row.dispatched_at),
    finishedAt: date(row.finished_at),
    error: row.error,
  };
}

export function toQueueEntry(row: Selectable<EvalQueueTable>): QueueEntry {
  return {
    key: row.key,
    run: row.run,
    shard: Number(row.shard),
    attempt: Number(row.attempt),
    owner: row.owner,
    repo: row.repo,
    installationId: Number(row.installation_id),
    cost: Number(row.cost),
    pool: row.pool,
    avoid: JSON.parse(row.avoid) as string[],
    allowed: JSON.parse(row.allowed) as string[],
    enqueuedAt: new Date(row.enqueued_at),
  };
}

export function toDispatch(row: Selectable<EvalDispatchesTable>): DispatchRecord {
  return {
    id: row.id,
    run: row.run,
    owner: row.owner,
    repo: row.repo,
    shards: JSON.parse(row.shards) as DispatchRecord['shards'],
    workflowRunId: toNumber(row.workflow_run_id),
    createdAt: new Date(row.created_at),
  };
}
