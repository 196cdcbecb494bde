/** `/steward eval [suite]` and `/steward approve-eval [suite]` (the caller has checked write access). */
import { approveEvaluation } from '../../../workflows/evaluation/approve-evaluation.js';
import { startEvaluation, type EvalStart } from '../../../workflows/evaluation/start-evaluation.js';
import { evalDepsOf } from '../eval-deps-of.js';
import type { Command } from '../parse-commands.js';
import { installationOf, type RepoName } from '../payload.js';
import type { WorkContext } from '../types.js';

type EvalCommand = Extract<Command, { kind: 'eval' | 'approve-eval' }>;

export async function runEvalCommands(ctx: WorkContext, on: { repo: RepoName; number: number; login: string }, commands: Command[]): Promise<void> {
  const evals = commands.filter((c): c is EvalCommand => c.kind === 'eval' || c.kind === 'approve-eval');
  const installationId = installationOf(ctx.delivery.payload);
  if (!evals.length || installationId === null) return;
  const deps = evalDepsOf(ctx, installationId);
  const replies: string[] = [];
  for (const command of evals) {
    const started = command.kind === 'approve-eval'
      ? await approveEvaluation(deps, on.repo, on.number, on.login, command.suite)
      : await startFromComment(ctx, deps, on, command.suite);
    // An approval is always answered: the conversation records who let which commit onto shared runners.
    if (command.kind === 'approve-eval' || (shouldReply(started) && !startedByThisDelivery(ctx, started, on.login))) replies.push(`@${on.login}, ${started.message}.`);
  }
  if (replies.length) await ctx.platform.comment(on.repo, on.number, replies.join('\n\n'));
}

async function startFromComment(
  ctx: WorkContext, deps: ReturnType<typeof evalDepsOf>, on: { repo: RepoName; number: number; login: string }, suite: string | null,
): Promise<EvalStart> {
  const origin = await ctx.platform.pullRequestOrigin(on.repo, on.number);
  if (!origin.open) return { run: null, message: `pull request #${on.number} is closed; nothing was evaluated` };
  return startEvaluation(deps, {
    repo: on.repo, pr: on.number, headSha: origin.headSha, headBranch: origin.headRef, suite, trigger: 'comment',
    requestedBy: on.login, fromFork: origin.fromFork, approved: false, baseline: false,
  });
}

/**
 * A retried delivery (the process died after starting the run) finds the run its own first attempt
 * started: telling the maintainer "already being evaluated" would read as if they had asked twice.
 */
function startedByThisDelivery(ctx: WorkContext, started: EvalStart, login: string): boolean {
  const run = started.run;
  return ctx.delivery.attempts > 1 && run !== null && run.requestedBy === login && run.createdAt >= ctx.delivery.receivedAt;
}

/** The check run shows a run that started; people hear back when nothing started, or it waits for them. */
function shouldReply(started: EvalStart): boolean {
  return started.run === null || started.run.status === 'awaiting-approval' || /already being evaluated/.test(started.message);
}

