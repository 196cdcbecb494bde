/** Waivers granted with `/steward waive RULE REASON`: one per rule and pull request, the latest wins. */
import type { Kysely } from 'kysely';
import type { StyleRuleId } from '../config/types.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

type Waivers = Pick<Store, 'addWaiver' | 'listWaivers'>;

export function createWaivers(db: Kysely<Database>): Waivers {
  return {
    async addWaiver(w) {
      const row = {
        owner: key(w.owner),
        repo: key(w.repo),
        pr: w.pr,
        rule: w.rule,
        waived_by: w.by,
        reason: w.reason,
        waived_at: w.at,
      };
      await db
        .insertInto('waivers')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['owner', 'repo', 'pr', 'rule']).doUpdateSet({
            waived_by: row.waived_by,
            reason: row.reason,
            waived_at: row.waived_at,
          }),
        )
        .execute();
    },

    async listWaivers(owner, repo, pr) {
      const rows = await db
        .selectFrom('waivers')
        .selectAll()
        .where('owner', '=', key(owner))
        .where('repo', '=', key(repo))
        .where('pr', '=', pr)
        .orderBy('rule')
        .execute();
      return rows.map((r) => ({ rule: r.rule as StyleRuleId, by: r.waived_by, reason: r.reason, at: r.waived_at }));
    },
  };
}

/** GitHub owner and repository names are case-insensitive. */
function key(name: string): string {
  return name.toLowerCase();
}
