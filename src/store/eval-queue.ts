/** The dispatch queue: shard attempts waiting for runner capacity, shared by every repository. A
 *  claim is a conditional update per entry (status still 'waiting'), so of two replicas claiming
 *  the same entry exactly one gets it; the loser's update matches no row. */
import type { EvalStore, QueueEntry } from './eval-types.js';
import { toQueueEntry } from './eval-rows.js';
import type { Db, Write } from './eval-tx.js';

type Queue = Pick<EvalStore, 'enqueueShard' | 'listQueue' | 'claimForDispatch' | 'releaseDispatch'>;
type Dispatch = Parameters<EvalStore['claimForDispatch']>[0];

export const queueKey = (run: string, shard: number, attempt: number): string => `${run}/${shard}/${attempt}`;

export function createQueue(db: Db, write: Write): Queue {
  return {
    async enqueueShard(entry) {
      const key = queueKey(entry.run, entry.shard, entry.attempt);
      const inserted = await write(async (trx) => {
        const attempt = await trx
          .insertInto('eval_attempts')
          .values({ run: entry.run, shard: entry.shard, attempt: entry.attempt, pool: entry.pool, status: 'waiting', dispatch_id: null, dispatched_at: null, finished_at: null, error: null })
          .onConflict((oc) => oc.columns(['run', 'shard', 'attempt']).doNothing())
          .executeTakeFirst();
        if (Number(attempt.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        await trx
          .insertInto('eval_queue')
          .values({
            key, run: entry.run, shard: entry.shard, attempt: entry.attempt, owner: entry.owner, repo: entry.repo,
            installation_id: entry.installationId, cost: entry.cost, pool: entry.pool, avoid: JSON.stringify(entry.avoid),
            allowed: JSON.stringify(entry.allowed), status: 'waiting', dispatch_id: null, enqueued_at: entry.enqueuedAt.toISOString(),
          })
          .execute();
        // The shard follows its latest attempt.
        await trx
          .updateTable('eval_shards')
          .set({ attempts: entry.attempt, status: 'queued' })
          .where('run', '=', entry.run)
          .where('shard', '=', entry.shard)
          .where('attempts', '<', entry.attempt)
          .execute();
        return true;
      });
      return { inserted, key };
    },

    async listQueue() {
      const rows = await db.selectFrom('eval_queue').selectAll().where('status', '=', 'waiting').orderBy('enqueued_at').orderBy('key').execute();
      return rows.map(toQueueEntry);
    },

    claimForDispatch: (dispatch, picks) => write((trx) => claim(trx, dispatch, picks)),

    async releaseDispatch(dispatchId) {
      await write(async (trx) => {
        const rows = await trx
          .updateTable('eval_queue')
          .set({ status: 'waiting', dispatch_id: null })
          .where('dispatch_id', '=', dispatchId)
          .where('status', '=', 'claimed')
          .returningAll()
          .execute();
        for (const row of rows) {
          await trx
            .updateTable('eval_attempts')
            .set({ status: 'waiting', pool: row.pool, dispatch_id: null, dispatched_at: null })
            .where('run', '=', row.run).where('shard', '=', row.shard).where('attempt', '=', row.attempt)
            .where('dispatch_id', '=', dispatchId)
            .execute();
          await trx.updateTable('eval_shards').set({ status: 'queued' }).where('run', '=', row.run).where('shard', '=', row.shard).where('attempts', '=', row.attempt).execute();
        }
      });
    },
  };
}

/** Keys are claimed in sorted order so that two PostgreSQL transactions never wait on each other's
 *  rows in a cycle (deadlock); the result keeps the order of `picks`. */
async function claim(trx: Db, dispatch: Dispatch, picks: { key: string; pool: string }[]): Promise<QueueEntry[]> {
  const order = new Map(picks.map((p, i) => [p.key, i]));
  const poolOf = new Map(picks.map((p) => [p.key, p.pool]));
  const claimed: QueueEntry[] = [];
  for (const key of [...poolOf.keys()].sort()) {
    const row = await trx
      .updateTable('eval_queue')
      .set({ status: 'claimed', dispatch_id: dispatch.id })
      .where('key', '=', key)
      .where('status', '=', 'waiting')
      .returningAll()
      .executeTakeFirst();
    if (!row) continue;
    const pool = poolOf.get(key)!;
    await trx
      .updateTable('eval_attempts')
      .set({ status: 'dispatched', pool, dispatch_id: dispatch.id, dispatched_at: dispatch.createdAt.toISOString() })
      .where('run', '=', row.run).where('shard', '=', row.shard).where('attempt', '=', row.attempt)
      .execute();
    await trx.updateTable('eval_shards').set({ status: 'dispatched', pool }).where('run', '=', row.run).where('shard', '=', row.shard).where('attempts', '=', row.attempt).execute();
    claimed.push(toQueueEntry(row));
  }
  claimed.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  if (claimed.length > 0) {
    await trx
      .insertInto('eval_dispatches')
      .values({
        id: dispatch.id, run: dispatch.run, owner: dispatch.owner, repo: dispatch.repo, workflow_run_id: null,
        shards: JSON.stringify(claimed.map((e) => ({ shard: e.shard, attempt: e.attempt }))), created_at: dispatch.createdAt.toISOString(),
      })
      .execute();
  }
  return claimed;
}
