/**
 * Use-case: someone (or something) asks for an evaluation of a commit. Plans it as configured on the
 * default branch, records the run once (a redelivered trigger finds the same run), queues its shards
 * and dispatches what capacity allows. Fork pull requests wait for a maintainer's approval.
 */
import type { SuiteConfig } from '../../engines/eval/eval-config.js';
import { planSuite } from '../../engines/eval/plan-suite.js';
import type { RunRecord } from '../../store/eval-types.js';
import type { EvalDeps, RepoRef } from './eval-deps.js';
import { enqueueRunShards } from './enqueue-run-shards.js';
import { loadEvalConfig } from './load-eval-config.js';
import { publishEvalState, publishEvalProblem } from './publish-eval.js';
import { pumpQueue } from './pump-queue.js';

export interface EvalRequest {
  repo: RepoRef;
  pr: number | null;
  headSha: string;
  headBranch: string | null;
  /** Null: the suite named "default", or the only one. */
  suite: string | null;
  trigger: 'comment' | 'label' | 'paths' | 'action' | 'push' | 'approval';
  requestedBy: string | null;
  fromFork: boolean;
  /** A maintainer approved this very request (`/steward approve-eval`). */
  approved: boolean;
  /** A run on the default branch: later pull requests compare with it. */
  baseline: boolean;
}

export interface EvalStart {
  run: RunRecord | null;
  /** For the person who asked: what happened. */
  message: string;
}

export async function startEvaluation(deps: EvalDeps, req: EvalRequest): Promise<EvalStart> {
  const loaded = await loadEvalConfig(deps.platform, req.repo);
  if (!loaded.config) return refuse(deps, req, `the evaluation configuration cannot be used:\n- ${loaded.problems.join('\n- ')}`);
  const config = loaded.config;
  const suite = pickSuite(config.suites, req.suite);
  if (typeof suite === 'string') return refuse(deps, req, suite);
  if (req.fromFork && config.forks === 'deny') return refuse(deps, req, 'evaluations of pull requests from forks are turned off here (evaluation.forks: deny)');
  const waits = req.fromFork && config.forks === 'require-approval' && !req.approved;
  const history = await deps.store.listPieceDurations(req.repo.owner, req.repo.repo, suite.name, 500);
  const plan = planSuite(config, suite.name, history);
  const { run, created } = await deps.store.createRun({
    owner: req.repo.owner, repo: req.repo.repo, installationId: deps.installationId, pr: req.pr,
    headSha: req.headSha, headBranch: req.headBranch, baseline: req.baseline, suite: suite.name,
    plan, config, trigger: req.trigger, requestedBy: req.requestedBy,
    status: waits ? 'awaiting-approval' : 'queued', createdAt: deps.now(),
  });
  if (!created) {
    // A retried delivery whose dispatch failed left the run queued: pumping again is safe (claims guard it).
    if (run.status === 'queued') await pumpQueue(deps, { publishFor: run.id });
    return { run, message: `suite "${run.suite}" is already being evaluated on ${run.headSha.slice(0, 7)} (run ${run.id})` };
  }
  deps.log.info(`Evaluation run ${run.id} of ${req.repo.owner}/${req.repo.repo}@${req.headSha.slice(0, 7)}, suite ${suite.name}: ${plan.shards.length} shard(s)${waits ? ', awaiting approval' : ''}`);
  if (waits) {
    await publishEvalState(deps, run);
    return { run, message: `the pull request comes from a fork: a maintainer must comment \`/steward approve-eval\` before suite "${suite.name}" runs on shared runners` };
  }
  await enqueueRunShards(deps, run, 1);
  // One check write says where the run stands after the first dispatch: queued with reasons, or running.
  await pumpQueue(deps, { publishFor: run.id });
  return { run, message: `suite "${suite.name}" queued as run ${run.id}: ${plan.shards.length} shard(s)` };
}

function pickSuite(suites: Record<string, SuiteConfig>, wanted: string | null): SuiteConfig | string {
  const names = Object.keys(suites);
  if (!names.length) return 'evaluation.suites in .github/steward.yml defines no suite';
  const name = wanted ?? (names.includes('default') || names.length !== 1 ? 'default' : names[0]!);
  return suites[name] ?? `no suite "${name}"; the configuration has ${names.map((n) => `"${n}"`).join(', ')}`;
}

async function refuse(deps: EvalDeps, req: EvalRequest, why: string): Promise<EvalStart> {
  deps.log.warn(`No evaluation of ${req.repo.owner}/${req.repo.repo}@${req.headSha.slice(0, 7)}: ${why}`);
  await publishEvalProblem(deps, req.repo, req.headSha, why);
  return { run: null, message: why };
}
