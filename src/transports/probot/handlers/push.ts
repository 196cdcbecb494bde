/**
 * push to the default branch: refresh the baseline of the configured suites when evaluated paths
 * changed, and reconcile the fork network when metadata files changed. The default branch's config
 * is read once for both.
 */
import { compileGlobs } from '../../../engines/style/match-globs.js';
import { evalConfigOf } from '../../../workflows/evaluation/load-eval-config.js';
import { startEvaluation } from '../../../workflows/evaluation/start-evaluation.js';
import { loadDefaultConfig, type DefaultConfig } from '../../../workflows/load-default-config.js';
import { reconcileSettingsOf } from '../../../workflows/reconcile-options.js';
import { evalDepsOf } from '../eval-deps-of.js';
import { installationOf, list, repoOf, text, type RepoName } from '../payload.js';
import { runReconcile } from '../run-reconcile.js';
import type { DeliveryHandler, WorkContext } from '../types.js';

interface Push {
  repo: RepoName;
  installationId: number;
  sha: string;
  branch: string;
  changed: string[];
}

export const handlePush: DeliveryHandler = async (payload, ctx) => {
  const repo = repoOf(payload);
  const installationId = installationOf(payload);
  const sha = text(payload, 'after');
  const branch = text(payload, 'repository', 'default_branch');
  if (!repo || installationId === null || !sha || !branch) return;
  const changed = list(payload, 'commits').flatMap((c) => ['added', 'modified', 'removed'].flatMap((k) => list(c, k))).filter((p): p is string => typeof p === 'string');
  const push = { repo, installationId, sha, branch, changed };
  const loaded = await loadDefaultConfig(ctx.platform, repo);
  await refreshBaselines(ctx, push, loaded);
  await reconcileOnPush(ctx, push, loaded);
};

async function refreshBaselines(ctx: WorkContext, push: Push, loaded: DefaultConfig): Promise<void> {
  const config = evalConfigOf(loaded).config;
  if (!config || !config.baselineSuites.length) return;
  if (config.triggers.paths.length && !push.changed.some(compileGlobs(config.triggers.paths))) {
    ctx.log.info('Push changed no evaluated path; the baseline stays');
    return;
  }
  const deps = evalDepsOf(ctx, push.installationId);
  for (const suite of config.baselineSuites) {
    const { message } = await startEvaluation(deps, {
      repo: push.repo, pr: null, headSha: push.sha, headBranch: push.branch, suite, trigger: 'push',
      requestedBy: text(ctx.delivery.payload, 'sender', 'login'), fromFork: false, approved: false, baseline: true,
    });
    ctx.log.info(`Baseline of ${suite}: ${message}`);
  }
}

/** Only a push that changes a metadata file reconciles: every other push leaves the network's view as it was. */
async function reconcileOnPush(ctx: WorkContext, push: Push, loaded: DefaultConfig): Promise<void> {
  if (!loaded.config || !loaded.config.reconcile) return;
  const settings = reconcileSettingsOf(loaded.config);
  if (!push.changed.some(compileGlobs(settings.globs))) return;
  const run = await runReconcile(ctx, push.repo, push.installationId, loaded);
  if (run.problem) ctx.log.warn(`Reconcile skipped: ${run.problem}`);
}
