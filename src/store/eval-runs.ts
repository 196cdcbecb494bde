/** Evaluation runs and their shards. A run is unique per repository, commit and suite while it is
 *  active (the active_key column), so a redelivered or concurrent trigger finds the run it started. */
import { randomBytes } from 'node:crypto';
import type { EvalStore } from './eval-types.js';
import { toRun, toRunRow, toShard } from './eval-rows.js';
import { ACTIVE_RUN, FINISHED_RUN, repoKey, type Db, type Write } from './eval-tx.js';

type Runs = Pick<
  EvalStore,
  | 'createRun' | 'getRun' | 'listActiveRuns' | 'listUnfinishedRuns' | 'findBaseline' | 'setRunStatus' | 'saveRunResult' | 'setRunReport'
  | 'listShards' | 'latestCommentId'
>;

/** "r" + 12 hex digits: only [a-z0-9], as dispatch inputs and artifact names need. */
export function newRunId(): string {
  return `r${randomBytes(6).toString('hex')}`;
}

export function createRuns(db: Db, write: Write): Runs {
  return {
    createRun: (run) => createRun(db, write, run),

    async getRun(id) {
      const row = await db.selectFrom('eval_runs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRun(row) : null;
    },

    async listActiveRuns(owner, repo, pr) {
      const rows = await db
        .selectFrom('eval_runs')
        .selectAll()
        .where('repo_key', '=', repoKey(owner, repo))
        .where('pr', '=', pr)
        .where('status', 'in', ACTIVE_RUN)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toRun);
    },

    async listUnfinishedRuns() {
      const rows = await db.selectFrom('eval_runs').selectAll().where('status', 'in', ACTIVE_RUN).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRun);
    },

    async latestCommentId(owner, repo, pr) {
      const row = await db
        .selectFrom('eval_runs')
        .select('comment_id')
        .where('repo_key', '=', repoKey(owner, repo))
        .where('pr', '=', pr)
        .where('comment_id', 'is not', null)
        .orderBy('updated_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.comment_id === null || row?.comment_id === undefined ? null : Number(row.comment_id);
    },

    async findBaseline(owner, repo, suite) {
      const row = await db
        .selectFrom('eval_runs')
        .selectAll()
        .where('repo_key', '=', repoKey(owner, repo))
        .where('suite', '=', suite)
        .where('baseline', '=', 1)
        .where('status', '=', 'completed')
        .orderBy('updated_at', 'desc')
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toRun(row) : null;
    },

    async setRunStatus(id, from, to, at) {
      if (from.length === 0) return false;
      // A finished run frees its key: the same commit and suite may be evaluated again.
      const key = FINISHED_RUN.includes(to) ? { active_key: null } : {};
      const result = await write((trx) =>
        trx
          .updateTable('eval_runs')
          .set({ status: to, updated_at: at.toISOString(), ...key })
          .where('id', '=', id)
          .where('status', 'in', from)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    async saveRunResult(id, result, at) {
      await write((trx) =>
        trx.updateTable('eval_runs').set({ result: JSON.stringify(result), updated_at: at.toISOString() }).where('id', '=', id).execute(),
      );
    },

    async setRunReport(id, report) {
      const set = {
        ...(report.checkRunId !== undefined ? { check_run_id: report.checkRunId } : {}),
        ...(report.commentId !== undefined ? { comment_id: report.commentId } : {}),
      };
      if (Object.keys(set).length === 0) return;
      await write((trx) => trx.updateTable('eval_runs').set(set).where('id', '=', id).execute());
    },

    async listShards(run) {
      const rows = await db.selectFrom('eval_shards').selectAll().where('run', '=', run).orderBy('shard').execute();
      return rows.map(toShard);
    },
  };
}

/** Insert first and let the unique active_key decide; never read-then-insert, which two replicas
 *  could both pass. The loser reads the winner's run (retrying if it finished in between). */
async function createRun(db: Db, write: Write, run: Parameters<EvalStore['createRun']>[0]) {
  const row = toRunRow(newRunId(), run);
  for (let tries = 0; tries < 3; tries++) {
    const created = await write(async (trx) => {
      const inserted = await trx
        .insertInto('eval_runs')
        .values(row)
        .onConflict((oc) => oc.column('active_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      const shards = run.plan.shards.map((s) => ({ run: row.id, shard: s.id, status: 'queued' as const, pool: s.pool, cost: s.cost, attempts: 0, result: null }));
      if (shards.length > 0) await trx.insertInto('eval_shards').values(shards).execute();
      return true;
    });
    if (created) return { run: toRun(row), created: true };
    const existing = await db.selectFrom('eval_runs').selectAll().where('active_key', '=', row.active_key).executeTakeFirst();
    if (existing) return { run: toRun(existing), created: false };
  }
  throw new Error(`Could not create the evaluation run of ${run.owner}/${run.repo}@${run.headSha} (${run.suite}): another run kept taking its place. Try again.`);
}
