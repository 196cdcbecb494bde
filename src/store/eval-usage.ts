/** Runner minutes used (quotas), learned piece durations (planning) and scheduler cursors. */
import type { EvalStore } from './eval-types.js';
import { type Db, type Write } from './eval-tx.js';

type Usage = Pick<EvalStore, 'usageSince' | 'recordPieceDurations' | 'listPieceDurations' | 'getCursor' | 'setCursor'>;

/** Enough history to learn from without reading a repository's whole past. */
export const DEFAULT_DURATION_LIMIT = 1000;

export function createUsage(db: Db, write: Write): Usage {
  return {
    async usageSince(since) {
      const rows = await db
        .selectFrom('usage_ledger')
        .select((eb) => ['repo_key', 'org', eb.fn.sum<number | string>('minutes').as('minutes')])
        .where('at', '>=', since.toISOString())
        .groupBy(['repo_key', 'org'])
        .execute();
      const byRepo: Record<string, number> = {};
      const byOrg: Record<string, number> = {};
      for (const row of rows) {
        const minutes = Number(row.minutes);
        byRepo[row.repo_key] = (byRepo[row.repo_key] ?? 0) + minutes;
        byOrg[row.org] = (byOrg[row.org] ?? 0) + minutes;
      }
      return { byRepo, byOrg };
    },

    async recordPieceDurations(durations) {
      if (durations.length === 0) return;
      const rows = durations.map((d) => ({
        owner: d.owner.toLowerCase(), repo: d.repo.toLowerCase(), suite: d.suite, task: d.task, samples: d.samples, seconds: d.seconds, at: d.at.toISOString(),
      }));
      await write((trx) => trx.insertInto('eval_piece_durations').values(rows).execute());
    },

    async listPieceDurations(owner, repo, suite, limit = DEFAULT_DURATION_LIMIT) {
      const rows = await db
        .selectFrom('eval_piece_durations')
        .selectAll()
        .where('owner', '=', owner.toLowerCase())
        .where('repo', '=', repo.toLowerCase())
        .where('suite', '=', suite)
        .orderBy('at', 'desc')
        .orderBy('task')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, samples: Number(r.samples), seconds: Number(r.seconds), at: new Date(r.at) }));
    },

    async getCursor(key) {
      const row = await db.selectFrom('eval_cursors').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value ?? null;
    },

    async setCursor(key, value) {
      await write((trx) =>
        trx.insertInto('eval_cursors').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute(),
      );
    },
  };
}
