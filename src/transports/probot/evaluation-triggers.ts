/**
 * pull_request events and evaluations: a new push cancels runs of older commits, closing cancels
 * all; a trigger label (added by someone with write access) or a change to an evaluated path starts
 * the default suite. Decided on the config the style check already read: no extra request unless a
 * run starts.
 */
import { compileGlobs } from '../../engines/style/match-globs.js';
import { readEvalConfig } from '../../engines/eval/read-eval-config.js';
import type { CheckOutcome } from '../../workflows/check-pull-request.js';
import { cancelSuperseded } from '../../workflows/evaluation/cancel-superseded.js';
import { startEvaluation, type EvalRequest } from '../../workflows/evaluation/start-evaluation.js';
import { COMMANDING_LEVELS } from './commanding-levels.js';
import { evalDepsOf } from './eval-deps-of.js';
import { installationOf, repoOf, text } from './payload.js';
import type { WorkContext } from './types.js';

export async function runEvaluationTriggers(payload: unknown, ctx: WorkContext, outcome: CheckOutcome | null, number: number): Promise<void> {
  const repo = repoOf(payload);
  const installationId = installationOf(payload);
  const action = text(payload, 'action');
  if (!repo || installationId === null) return;
  const deps = evalDepsOf(ctx, installationId);
  if (action === 'closed' || !outcome) {
    await cancelSuperseded(deps, repo, number, null, `pull request #${number} was closed`);
    return;
  }
  const headSha = outcome.snapshot.pr.headSha;
  if (action === 'synchronize') await cancelSuperseded(deps, repo, number, headSha, `superseded by a new push (${headSha.slice(0, 7)})`);
  const section = outcome.resolved.config?.evaluation;
  if (!section) return;
  const { config } = readEvalConfig(section);
  const trigger = await triggerOf(payload, ctx, outcome, config.triggers);
  if (!trigger) return;
  const request: EvalRequest = {
    repo, pr: number, headSha, headBranch: outcome.snapshot.pr.headRef, suite: null, trigger,
    requestedBy: text(payload, 'sender', 'login'), fromFork: isFromFork(payload), approved: false, baseline: false,
  };
  const { message } = await startEvaluation(deps, request);
  ctx.log.info(`Evaluation (${trigger}): ${message}`);
}

async function triggerOf(
  payload: unknown, ctx: WorkContext, outcome: CheckOutcome, triggers: { labels: string[]; paths: string[] },
): Promise<'label' | 'paths' | null> {
  const action = text(payload, 'action');
  if (action === 'labeled') {
    const label = text(payload, 'label', 'name');
    if (!label || !triggers.labels.some((l) => l.toLowerCase() === label.toLowerCase())) return null;
    const login = text(payload, 'sender', 'login');
    const repo = repoOf(payload)!;
    // Triage can add labels; starting work on shared runners needs write access.
    return login && COMMANDING_LEVELS.has((await ctx.platform.permissionOf(repo, login)).level) ? 'label' : null;
  }
  if (action !== 'opened' && action !== 'synchronize' && action !== 'reopened') return null;
  if (!triggers.paths.length) return null;
  const matches = compileGlobs(triggers.paths);
  return outcome.snapshot.pr.files.some((f) => matches(f.path) || (f.previousPath !== null && matches(f.previousPath))) ? 'paths' : null;
}

/** The head lives in another repository (a fork), or in one since deleted. */
export function isFromFork(payload: unknown): boolean {
  const head = text(payload, 'pull_request', 'head', 'repo', 'full_name');
  const base = text(payload, 'repository', 'full_name');
  return !head || !base || head.toLowerCase() !== base.toLowerCase();
}
