/**
 * The Probot app: routing only. A delivery is recorded in the store and answered at once; the worker
 * does the work after the answer (SPEC.md §5), so a slow or unreachable GitHub never turns a valid
 * delivery into an error response.
 */
import type { ApplicationFunction, Context, Probot } from 'probot';
import type { Store } from '../../store/types.js';
import { STYLE_CHECK_NAME } from '../../workflows/check-pull-request.js';
import { installationOf, repoOf, text } from './payload.js';
import { selectWork, WORK_EVENTS } from './select-work.js';

export interface AppDeps {
  store: Store;
  now?: () => Date;
  checkName?: string;
  /** Our GitHub App id: check runs of other apps with the same name are ignored. */
  appId?: number | null;
  /** Called after a new delivery is queued (the worker wakes up). */
  onEnqueued?: () => void;
}

export function createApp(deps: AppDeps): ApplicationFunction {
  const now = deps.now ?? (() => new Date());
  const me = { checkName: deps.checkName ?? STYLE_CHECK_NAME, appId: deps.appId ?? null };
  return (app: Probot) => {
    app.on([...WORK_EVENTS], async (context: Context) => {
      const skip = selectWork(context.name, context.payload, me);
      if (skip) {
        context.log.debug(`Skipped ${context.name} ${context.id}: ${skip}`);
        return;
      }
      const repo = repoOf(context.payload);
      const { inserted } = await deps.store.enqueueDelivery({
        id: context.id,
        name: context.name,
        payload: context.payload,
        receivedAt: now(),
        // One repository's work runs one delivery at a time, so concurrent events see each other's check run.
        key: repo ? `${repo.owner}/${repo.repo}`.toLowerCase() : null,
      });
      context.log.info(inserted ? `Queued ${context.name} ${context.id}` : `Delivery ${context.id} already received; not queued again`);
      if (inserted) deps.onEnqueued?.();
    });
    app.on(['installation', 'installation_repositories'], async (context: Context) => {
      const account = text(context.payload, 'installation', 'account', 'login') ?? '?';
      context.log.info(`${context.name}.${text(context.payload, 'action') ?? '?'} for ${account} (installation ${installationOf(context.payload) ?? '?'})`);
    });
  };
}
