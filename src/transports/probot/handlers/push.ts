/** push to the default branch: refresh the baseline of the configured suites when evaluated paths changed. */
import { compileGlobs } from '../../../engines/style/match-globs.js';
import { loadEvalConfig } from '../../../workflows/evaluation/load-eval-config.js';
import { startEvaluation } from '../../../workflows/evaluation/start-evaluation.js';
import { evalDepsOf } from '../eval-deps-of.js';
import { installationOf, list, repoOf, text } from '../payload.js';
import type { DeliveryHandler } from '../types.js';

export const handlePush: DeliveryHandler = async (payload, ctx) => {
  const repo = repoOf(payload);
  const installationId = installationOf(payload);
  const sha = text(payload, 'after');
  const branch = text(payload, 'repository', 'default_branch');
  if (!repo || installationId === null || !sha || !branch) return;
  const loaded = await loadEvalConfig(ctx.platform, repo);
  const config = loaded.config;
  if (!config || !config.baselineSuites.length) return;
  const changed = list(payload, 'commits').flatMap((c) => ['added', 'modified', 'removed'].flatMap((k) => list(c, k))).filter((p): p is string => typeof p === 'string');
  if (config.triggers.paths.length && !changed.some(compileGlobs(config.triggers.paths))) {
    ctx.log.info('Push changed no evaluated path; the baseline stays');
    return;
  }
  const deps = evalDepsOf(ctx, installationId);
  for (const suite of config.baselineSuites) {
    const { message } = await startEvaluation(deps, {
      repo, pr: null, headSha: sha, headBranch: branch, suite, trigger: 'push',
      requestedBy: text(payload, 'sender', 'login'), fromFork: false, approved: false, baseline: true,
    });
    ctx.log.info(`Baseline of ${suite}: ${message}`);
  }
};
