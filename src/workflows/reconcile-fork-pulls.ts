/**
 * Opt-in pull requests to forks that are behind (`reconcile.fork-pull-requests`): only where the App
 * is installed on the fork, only files whose every model in that fork is behind or in sync (a file
 * that also holds the fork's own work is never overwritten), on Steward's own branch, never a reset.
 * A few forks per run; the rest are deferred to the next run so writes stay under GitHub's limits.
 */
import type { ModelStatus } from '../engines/reconcile/types.js';
import { syncFileText } from '../engines/reconcile/sync-file.js';
import { publishOnce } from './reconcile-ledger.js';
import type { ReconcileOutcome } from './reconcile-forks.js';
import {
  FORK_PULLS_PER_RUN, SYNC_BRANCH, ledgerForkKind, type ForkPullResult, type ReconcilePublishDeps,
} from './reconcile-publish-types.js';

const SAFE: ReadonlySet<ModelStatus> = new Set(['behind', 'in-sync']);

export async function proposeToForks(deps: ReconcilePublishDeps, repoKey: string, outcome: ReconcileOutcome): Promise<ForkPullResult[]> {
  const results: ForkPullResult[] = [];
  let written = 0;
  for (const [fork, files] of syncFilesByFork(outcome)) {
    if (written >= FORK_PULLS_PER_RUN) {
      results.push({ fork, number: null, state: 'deferred', note: `more than ${FORK_PULLS_PER_RUN} forks to update; the next run continues` });
      continue;
    }
    const publisher = await deps.forkPublisher(fork);
    if (!publisher) {
      results.push({ fork, number: null, state: 'not-installed', note: 'Steward is not installed on this fork' });
      continue;
    }
    const [owner, repo] = fork.split('/') as [string, string];
    let state: ForkPullResult['state'] = 'unchanged';
    try {
      const number = await publishOnce(deps, repoKey, ledgerForkKind(fork), JSON.stringify(files), async () => {
        const published = await publisher.proposeFiles({ owner, repo }, {
          branch: SYNC_BRANCH, files, title: 'Steward: bring model metadata up to date with upstream',
          body: forkPullBody(outcome.report.upstream.name, files.map((f) => f.path)),
          message: `Update model metadata from ${outcome.report.upstream.name}`,
        });
        state = published.state;
        if (published.state !== 'unchanged') written++;
        return published;
      });
      results.push({ fork, number, state });
    } catch (error) {
      results.push({ fork, number: null, state: 'failed', note: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

/** fork → files to write, for forks with at least one behind model in a file safe to replace. */
export function syncFilesByFork(outcome: ReconcileOutcome): Map<string, { path: string; content: string }[]> {
  const upstreamName = outcome.report.upstream.name;
  const upstreamFiles = new Map((outcome.files.get(upstreamName)?.files ?? []).map((f) => [f.path, f]));
  const unsafe = new Map<string, Set<string>>();
  const behind = new Map<string, Set<string>>();
  for (const model of outcome.report.models) {
    for (const f of model.forks) {
      const paths = [model.upstream?.path, f.metadata?.path].filter((p): p is string => !!p);
      const into = f.verdict.status === 'behind' && model.upstream ? behind : SAFE.has(f.verdict.status) ? null : unsafe;
      for (const path of into ? paths : []) into!.set(f.fork, (into!.get(f.fork) ?? new Set()).add(path));
    }
  }
  const result = new Map<string, { path: string; content: string }[]>();
  for (const [fork, paths] of [...behind].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const forkFiles = new Map((outcome.files.get(fork)?.files ?? []).map((f) => [f.path, f.text]));
    const files = [...paths].sort().flatMap((path) => {
      const up = upstreamFiles.get(path);
      if (!up || unsafe.get(fork)?.has(path)) return [];
      const content = syncFileText({ kind: up.kind, upstreamText: up.text, forkText: forkFiles.get(path) ?? null });
      return content === null || content === forkFiles.get(path) ? [] : [{ path, content }];
    });
    if (files.length) result.set(fork, files);
  }
  return result;
}

function forkPullBody(upstream: string, paths: string[]): string {
  return [
    `Upstream \`${upstream}\` has newer model metadata than this fork, and this fork has not changed these files since:`,
    paths.map((p) => `- \`${p}\``).join('\n'),
    'Only the metadata is proposed (a model card keeps its text; only its front matter changes). Nothing is pushed to your branches: merge this pull request or close it.',
    'Steward updates this pull request when upstream changes again. Maintainers of upstream enabled it with `reconcile.fork-pull-requests`.',
  ].join('\n\n');
}
