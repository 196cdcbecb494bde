/** Dispatches (one workflow_dispatch call each) and what is in flight on the runners. */
import type { EvalStore } from './eval-types.js';
import { toDispatch } from './eval-rows.js';
import { IN_FLIGHT, type Db, type Write } from './eval-tx.js';

type Dispatches = Pick<EvalStore, 'linkDispatch' | 'getDispatch' | 'findDispatchByWorkflowRun' | 'countInFlight'>;

export function createDispatches(db: Db, write: Write): Dispatches {
  return {
    async linkDispatch(dispatchId, workflowRunId) {
      // GitHub started the workflow run: its attempts are running (for the scheduler the same as
      // dispatched: both hold capacity), and it can now be cancelled by id.
      await write(async (trx) => {
        await trx.updateTable('eval_dispatches').set({ workflow_run_id: workflowRunId }).where('id', '=', dispatchId).execute();
        const started = await trx
          .updateTable('eval_attempts')
          .set({ status: 'running' })
          .where('dispatch_id', '=', dispatchId)
          .where('status', '=', 'dispatched')
          .returning(['run', 'shard', 'attempt'])
          .execute();
        for (const a of started) {
          await trx
            .updateTable('eval_shards')
            .set({ status: 'running' })
            .where('run', '=', a.run).where('shard', '=', a.shard).where('attempts', '=', a.attempt)
            .where('status', '=', 'dispatched')
            .execute();
        }
      });
    },

    async getDispatch(id) {
      const row = await db.selectFrom('eval_dispatches').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDispatch(row) : null;
    },

    async findDispatchByWorkflowRun(workflowRunId) {
      const row = await db
        .selectFrom('eval_dispatches')
        .selectAll()
        .where('workflow_run_id', '=', workflowRunId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toDispatch(row) : null;
    },

    async countInFlight() {
      const rows = await db
        .selectFrom('eval_attempts as a')
        .innerJoin('eval_runs as r', 'r.id', 'a.run')
        .select((eb) => ['a.pool', 'r.repo_key', eb.fn.countAll<number | string>().as('n')])
        .where('a.status', 'in', IN_FLIGHT)
        .groupBy(['a.pool', 'r.repo_key'])
        .execute();
      const byPool: Record<string, number> = {};
      const byRepo: Record<string, number> = {};
      for (const row of rows) {
        const n = Number(row.n);
        if (row.pool !== null) byPool[row.pool] = (byPool[row.pool] ?? 0) + n;
        byRepo[row.repo_key] = (byRepo[row.repo_key] ?? 0) + n;
      }
      return { byPool, byRepo };
    },
  };
}
