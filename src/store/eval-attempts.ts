/** How attempts end, and cancelling a run. The attempt row's status is the guard: only the first
 *  report of an attempt moves it out of an open state, and the usage ledger's key (run, shard,
 *  attempt) keeps a redelivered workflow_run from counting minutes twice. */
import type { EvalStore } from './eval-types.js';
import { toAttempt } from './eval-rows.js';
import { ACTIVE_RUN, IN_FLIGHT, OPEN_ATTEMPT, repoKey, type Db, type Write } from './eval-tx.js';

type Attempts = Pick<EvalStore, 'finishAttempt' | 'listAttempts' | 'cancelRun'>;
type End = Parameters<EvalStore['finishAttempt']>[0];

export function createAttempts(db: Db, write: Write): Attempts {
  return {
    finishAttempt: (end) => write((trx) => finish(trx, end)),

    async listAttempts(run) {
      const rows = await db
        .selectFrom('eval_attempts as a')
        .leftJoin('eval_dispatches as d', 'd.id', 'a.dispatch_id')
        .selectAll('a')
        .select('d.workflow_run_id')
        .where('a.run', '=', run)
        .orderBy('a.shard')
        .orderBy('a.attempt')
        .execute();
      return rows.map(toAttempt);
    },

    cancelRun: (id, at) => write((trx) => cancel(trx, id, at.toISOString())),
  };
}

async function finish(trx: Db, end: End): Promise<{ recorded: boolean }> {
  const at = end.at.toISOString();
  // Rows are taken in one order everywhere (queue, attempts, shards) so that concurrent
  // transactions on PostgreSQL wait for each other instead of deadlocking.
  await trx.deleteFrom('eval_queue').where('run', '=', end.run).where('shard', '=', end.shard).where('attempt', '=', end.attempt).execute();
  const ended = await trx
    .updateTable('eval_attempts')
    .set({ status: end.status, finished_at: at, error: end.error })
    .where('run', '=', end.run).where('shard', '=', end.shard).where('attempt', '=', end.attempt)
    .where('status', 'in', OPEN_ATTEMPT)
    .returning(['pool'])
    .executeTakeFirst();
  if (!ended) return { recorded: false };
  const run = await trx.selectFrom('eval_runs').select(['owner', 'repo']).where('id', '=', end.run).executeTakeFirstOrThrow();
  await trx
    .insertInto('usage_ledger')
    .values({
      run: end.run, shard: end.shard, attempt: end.attempt, owner: run.owner, repo: run.repo, repo_key: repoKey(run.owner, run.repo),
      org: run.owner.toLowerCase(), pool: ended.pool ?? '', minutes: end.minutes, at,
    })
    .onConflict((oc) => oc.columns(['run', 'shard', 'attempt']).doNothing())
    .execute();
  const result = end.result === null ? {} : { result: JSON.stringify(end.result) };
  // A success is the shard's answer whichever attempt it came from; otherwise the shard mirrors
  // its latest attempt and keeps an earlier success.
  let shard = trx.updateTable('eval_shards').set({ status: end.status, ...result }).where('run', '=', end.run).where('shard', '=', end.shard);
  if (end.status !== 'succeeded') shard = shard.where('attempts', '=', end.attempt).where('status', '<>', 'succeeded');
  await shard.execute();
  return { recorded: true };
}

async function cancel(trx: Db, id: string, at: string): Promise<{ workflowRunIds: number[] }> {
  await trx.updateTable('eval_runs').set({ status: 'cancelled', active_key: null, updated_at: at }).where('id', '=', id).where('status', 'in', ACTIVE_RUN).execute();
  await trx.deleteFrom('eval_queue').where('run', '=', id).execute();
  const linked = await trx
    .selectFrom('eval_attempts as a')
    .innerJoin('eval_dispatches as d', 'd.id', 'a.dispatch_id')
    .select('d.workflow_run_id')
    .distinct()
    .where('a.run', '=', id)
    .where('a.status', 'in', IN_FLIGHT)
    .where('d.workflow_run_id', 'is not', null)
    .execute();
  await trx.updateTable('eval_attempts').set({ status: 'cancelled', finished_at: at }).where('run', '=', id).where('status', 'in', OPEN_ATTEMPT).execute();
  await trx.updateTable('eval_shards').set({ status: 'cancelled' }).where('run', '=', id).where('status', 'in', ['queued', 'dispatched', 'running']).execute();
  return { workflowRunIds: linked.map((r) => Number(r.workflow_run_id)).sort((a, b) => a - b) };
}
