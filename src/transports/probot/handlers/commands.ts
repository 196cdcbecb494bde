/**
 * issue_comment.created and pull_request_review.submitted: `/steward recheck`, `/steward waive RULE
 * REASON`, `/steward eval [suite]`, `/steward approve-eval` (pull requests) and `/steward reconcile`
 * (pull requests and issues), from people with write access or more.
 */
import { STYLE_RULE_IDS, type StyleRuleId } from '../../../config/types.js';
import { parseCommands, type Command } from '../parse-commands.js';
import { field, integer, repoOf, text, type RepoName } from '../payload.js';
import { runStyleCheck } from '../run-style-check.js';
import type { DeliveryHandler, WorkContext } from '../types.js';
import { COMMANDING_LEVELS } from '../commanding-levels.js';
import { replyMissingReason, replyNotAllowed, replyUnknownRule } from './command-replies.js';
import { runEvalCommands } from './eval-commands.js';
import { runReconcileCommand } from './reconcile-command.js';

type Waive = Extract<Command, { kind: 'waive' }>;


export const handleIssueComment: DeliveryHandler = (payload, ctx) =>
  runCommands(ctx, {
    repo: repoOf(payload),
    number: integer(payload, 'issue', 'number'),
    login: text(payload, 'comment', 'user', 'login'),
    body: text(payload, 'comment', 'body'),
    onIssue: field(payload, 'issue', 'pull_request') === undefined,
  });

export const handleReview: DeliveryHandler = (payload, ctx) =>
  runCommands(ctx, {
    repo: repoOf(payload),
    number: integer(payload, 'pull_request', 'number'),
    login: text(payload, 'review', 'user', 'login'),
    body: text(payload, 'review', 'body'),
    headSha: text(payload, 'pull_request', 'head', 'sha'),
  });

interface CommandSource {
  repo: RepoName | null;
  number: number | null;
  login: string | null;
  body: string | null;
  headSha?: string | null;
  /** A plain issue, not a pull request: only `/steward reconcile` means something there. */
  onIssue?: boolean;
}

async function runCommands(ctx: WorkContext, source: CommandSource): Promise<void> {
  const { repo, number, login } = source;
  const commands = parseCommands(source.body).filter((c) => c.kind !== 'other' && (!source.onIssue || c.kind === 'reconcile'));
  if (!repo || number === null || !login || !commands.length) {
    ctx.log.info('Skipped: no command Steward knows, or the payload lacks the repository, PR number or author');
    return;
  }
  const access = await ctx.platform.permissionOf(repo, login);
  if (!COMMANDING_LEVELS.has(access.level)) {
    const names = [...new Set(commands.map((c) => c.kind))];
    await ctx.platform.comment(repo, number, replyNotAllowed(login, names, access.role));
    return;
  }
  const waives = commands.filter((c): c is Waive => c.kind === 'waive');
  const granted = await grantWaivers(ctx, { repo, number, login }, waives);
  if (granted || commands.some((c) => c.kind === 'recheck')) {
    await runStyleCheck(ctx, { ...repo, number, headSha: source.headSha ?? undefined });
  }
  await runEvalCommands(ctx, { repo, number, login }, commands);
  await runReconcileCommand(ctx, { repo, number, login }, commands);
}

/** Stores the valid waivers and answers the invalid ones in one reply; returns how many were stored. */
async function grantWaivers(ctx: WorkContext, on: { repo: RepoName; number: number; login: string }, waives: Waive[]): Promise<number> {
  const problems: string[] = [];
  let granted = 0;
  for (const w of waives) {
    if (!STYLE_RULE_IDS.includes(w.rule as StyleRuleId)) problems.push(replyUnknownRule(on.login, w.rule));
    else if (!w.reason) problems.push(replyMissingReason(on.login, w.rule));
    else {
      await ctx.store.addWaiver({
        owner: on.repo.owner, repo: on.repo.repo, pr: on.number,
        rule: w.rule as StyleRuleId, by: on.login, reason: w.reason, at: ctx.now().toISOString(),
      });
      granted++;
    }
  }
  if (problems.length) await ctx.platform.comment(on.repo, on.number, problems.join('\n\n'));
  return granted;
}
