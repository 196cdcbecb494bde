/**
 * Use-case: reconcile a fork network and publish the result on GitHub (issue 5, item 6): the issue
 * "Steward: model registry across forks" edited in place, `registry.json` proposed upstream through
 * one pull request, and (opt-in) pull requests to forks that are behind. The ledger remembers what
 * each output last said, so a run with nothing changed writes nothing and sends no request for it.
 */
import { RECONCILE_ISSUE_TITLE, RECONCILE_MARKER, renderReconcileMarkdown } from '../report/reconcile-markdown.js';
import { renderRegistry } from '../report/reconcile-registry.js';
import { countStatuses } from '../report/reconcile-json.js';
import { publishOnce } from './reconcile-ledger.js';
import { proposeToForks } from './reconcile-fork-pulls.js';
import { reconcileForks, type ReconcileOutcome } from './reconcile-forks.js';
import {
  LEDGER_ISSUE, LEDGER_REGISTRY, REGISTRY_BRANCH, REGISTRY_PATH,
  type ReconcilePublishDeps, type ReconcilePublishRequest, type ReconcilePublishSummary,
} from './reconcile-publish-types.js';

export async function reconcileAndPublish(
  deps: ReconcilePublishDeps, request: ReconcilePublishRequest,
): Promise<ReconcilePublishSummary & { outcome: ReconcileOutcome }> {
  const outcome = await reconcileForks(deps.reader, { ...request.settings, onProgress: deps.onProgress });
  const name = `${request.repo.owner}/${request.repo.repo}`;
  if (outcome.upstreamProblem !== null) {
    return { outcome, issue: null, registryPull: null, forkPulls: [], message: `Could not reconcile ${name}: ${outcome.upstreamProblem}` };
  }
  const repoKey = name.toLowerCase();
  const markdown = renderReconcileMarkdown(outcome.report);
  const issue = request.publish.issue
    ? await publishOnce(deps, repoKey, LEDGER_ISSUE, markdown, (known) =>
      deps.publisher.publishIssue(request.repo, { title: RECONCILE_ISSUE_TITLE, body: markdown, known }))
    : null;
  const registry = renderRegistry(outcome.report);
  const registryPull = request.publish.registry
    ? await publishOnce(deps, repoKey, LEDGER_REGISTRY, registry, () =>
      deps.publisher.proposeFiles(request.repo, {
        branch: REGISTRY_BRANCH,
        files: [{ path: REGISTRY_PATH, content: registry }],
        title: 'Steward: update the model registry across forks',
        body: registryPullBody(outcome, issue),
        message: `Update ${REGISTRY_PATH} from the fork network`,
      }))
    : null;
  const forkPulls = request.settings.forkPullRequests ? await proposeToForks(deps, repoKey, outcome) : [];
  return { outcome, issue, registryPull, forkPulls, message: summarise(name, outcome, issue, forkPulls.filter((p) => p.number !== null).length) };
}

function registryPullBody(outcome: ReconcileOutcome, issue: number | null): string {
  const counts = countStatuses(outcome.report);
  const see = issue ? `The full report, with conflicts and lineage, is in #${issue}.` : '';
  return [
    RECONCILE_MARKER,
    `\`${REGISTRY_PATH}\` lists every model of \`${outcome.report.upstream.name}\` and its ${outcome.report.forks.length} forks: ` +
      `version, content hash, weight checksums, lineage and where each version lives.`,
    `Ahead: ${counts.ahead}, conflicts: ${counts.conflict}, diverged: ${counts.diverged}, new in forks: ${counts.new}.`,
    see,
    'Steward updates this pull request when the network changes; it never opens a second one.',
  ].filter(Boolean).join('\n\n');
}

function summarise(name: string, outcome: ReconcileOutcome, issue: number | null, forkPulls: number): string {
  const { report } = outcome;
  const counts = countStatuses(report);
  const notable = (['ahead', 'behind', 'diverged', 'conflict', 'new', 'removed'] as const).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`);
  return [
    `Reconciled ${name} with ${report.forks.length} fork${report.forks.length === 1 ? '' : 's'}: ${report.models.length} model${report.models.length === 1 ? '' : 's'}`,
    notable.length ? `; ${notable.join(', ')}` : '; every fork in sync',
    issue ? `. Report: #${issue}` : '',
    forkPulls ? `; ${forkPulls} pull request${forkPulls === 1 ? '' : 's'} to forks` : '',
    '.',
  ].join('');
}
