/**
 * The App's reconcile run for one repository (issue 5): the default branch's config, the GitHub
 * reader with the store's blob cache, and the publisher; content-creating requests of every run
 * of one installation share one pacer, so two runs at once still stay under 80 a minute.
 */
import { createGitHubPublisher, createWritePacer, findInstallation, type WritePacer } from '../../platform/github/publish/create-github-publisher.js';
import type { ReconcilePublisher } from '../../platform/reconcile-port.js';
import { loadDefaultConfig, type DefaultConfig } from '../../workflows/load-default-config.js';
import { reconcileAndPublish } from '../../workflows/publish-reconcile.js';
import { reconcileSettingsOf } from '../../workflows/reconcile-options.js';
import type { ReconcilePublishSummary } from '../../workflows/reconcile-publish-types.js';
import { createGitHubReconcileReader } from '../github-reconcile-reader.js';
import { perInstallation } from './paced-writes.js';
import type { RepoName } from './payload.js';
import type { Store } from '../../store/types.js';
import type { WorkContext } from './types.js';

const pacers = new WeakMap<Store, (installationId: number) => WritePacer>();

/**
 * Content creation of every reconcile run of one installation shares one pacer (80 a minute); on
 * PostgreSQL each write also takes the installation's slot shared by every replica (write-pace.ts).
 */
export function pacerFor(store: Store, installationId: number): WritePacer {
  let ofStore = pacers.get(store);
  if (!ofStore) {
    ofStore = perInstallation((id) => createWritePacer(store.dialect === 'postgres' ? { reserve: (gap) => store.reserveWriteSlot(id, gap) } : {}));
    pacers.set(store, ofStore);
  }
  return ofStore(installationId);
}

export interface ReconcileRun {
  summary: ReconcilePublishSummary | null;
  /** Why nothing was reconciled (an unusable config), for the reply; null when it ran. */
  problem: string | null;
}

/** `loaded`: the default branch's config when the caller already read it (a push reads it once). */
export async function runReconcile(ctx: WorkContext, repo: RepoName, installationId: number, loaded?: DefaultConfig): Promise<ReconcileRun> {
  loaded ??= await loadDefaultConfig(ctx.platform, repo);
  if (!loaded.config) return { summary: null, problem: `the config on the default branch is unusable: ${loaded.problems.join('; ')}` };
  const settings = reconcileSettingsOf(loaded.config);
  const reader = createGitHubReconcileReader(ctx.client, {
    owner: repo.owner, repo: repo.repo, globs: settings.globs, registryGlobs: settings.registryGlobs, cache: ctx.store.blobCache, mergeBases: ctx.store.mergeBaseCache,
  });
  const summary = await reconcileAndPublish({
    reader, ledger: ctx.store, now: ctx.now,
    publisher: createGitHubPublisher(ctx.client, { pacer: pacerFor(ctx.store, installationId) }),
    forkPublisher: (fork) => forkPublisher(ctx, fork),
    onProgress: (message) => ctx.log.info(message),
  }, { repo, settings, publish: { issue: true, registry: true } });
  ctx.log.info(summary.message);
  return { summary, problem: null };
}

/** Steward acts on a fork only through its own installation there; none means no pull request. */
async function forkPublisher(ctx: WorkContext, fork: string): Promise<ReconcilePublisher | null> {
  const app = await ctx.appClient();
  const [owner, repo] = fork.split('/') as [string, string];
  const installation = app ? await findInstallation(app, { owner, repo }) : null;
  if (installation === null) return null;
  return createGitHubPublisher(await ctx.clientFor(installation), { pacer: pacerFor(ctx.store, installation) });
}
