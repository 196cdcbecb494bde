/** `/steward reconcile` in an issue or pull request comment (the caller has checked write access). */
import type { Command } from '../parse-commands.js';
import { installationOf, type RepoName } from '../payload.js';
import { runReconcile } from '../run-reconcile.js';
import type { WorkContext } from '../types.js';

export async function runReconcileCommand(ctx: WorkContext, on: { repo: RepoName; number: number; login: string }, commands: Command[]): Promise<void> {
  const installationId = installationOf(ctx.delivery.payload);
  if (!commands.some((c) => c.kind === 'reconcile') || installationId === null) return;
  const run = await runReconcile(ctx, on.repo, installationId);
  const reply = run.problem
    ? `@${on.login}, nothing was reconciled: ${run.problem}. Fix \`.github/steward.yml\` on the default branch and comment \`/steward reconcile\` again.`
    : `@${on.login}, ${run.summary!.message}`;
  // The command may be on the report issue itself: its body already changed, the reply says so.
  await ctx.platform.comment(on.repo, on.number, reply);
}
