/** check_suite.requested / rerequested: a push GitHub tells us about (also when a pull_request webhook was missed). */
import { repoOf, text } from '../payload.js';
import { runStyleCheck } from '../run-style-check.js';
import type { DeliveryHandler, WorkContext } from '../types.js';
import { resolvePullRequests } from './resolve-pull-requests.js';

export const handleCheckSuite: DeliveryHandler = (payload, ctx) => checkNamedPullRequests(payload, 'check_suite', ctx);

export async function checkNamedPullRequests(payload: unknown, key: 'check_suite' | 'check_run', ctx: WorkContext): Promise<void> {
  const repo = repoOf(payload);
  if (!repo) {
    ctx.log.warn(`Skipped: ${key} payload without repository`);
    return;
  }
  const numbers = await resolvePullRequests(payload, key, repo, ctx);
  if (!numbers.length) {
    ctx.log.info(`No open pull request has head ${text(payload, key, 'head_sha') ?? '?'}; nothing to check`);
    return;
  }
  const defaultBranch = text(payload, 'repository', 'default_branch') ?? undefined;
  // The commit the run or suite is about: the adapter reads Steward's existing check there.
  const headSha = text(payload, key, 'head_sha') ?? undefined;
  for (const number of numbers) await runStyleCheck(ctx, { ...repo, number, headSha, defaultBranch });
}
