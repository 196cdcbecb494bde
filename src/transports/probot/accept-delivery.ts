/**
 * What happens to a verified delivery before the answer: skipped (said in the log at debug level),
 * or recorded in the store once by its id (without the API URL fields, stored-payload.ts) and left
 * to the worker. Shared by the HTTP front and
 * Probot's own `receive` (tests), so both take exactly the same path.
 */
import type { Logger } from 'probot';
import type { Store } from '../../store/types.js';
import { STYLE_CHECK_NAME } from '../../workflows/check-pull-request.js';
import { installationOf, repoOf, text } from './payload.js';
import { selectWork } from './select-work.js';
import { withoutApiUrls } from './stored-payload.js';

export interface AcceptDeps {
  store: Store;
  now?: () => Date;
  checkName?: string;
  /** Our GitHub App id: check runs of other apps with the same name are ignored. */
  appId?: number | null;
  /** Called after a new delivery is queued (the worker wakes up). */
  onEnqueued?: () => void;
}

export interface VerifiedDelivery {
  id: string;
  /** The X-GitHub-Event header, e.g. "pull_request". */
  name: string;
  payload: unknown;
  /** Set by the HTTP front: `payload` is already the stored form and this its JSON (stored-payload.ts). */
  payloadText?: string;
}

export type AcceptDelivery = (delivery: VerifiedDelivery, log: Logger) => Promise<void>;

export function createDeliveryAcceptor(deps: AcceptDeps): AcceptDelivery {
  const now = deps.now ?? (() => new Date());
  const me = { checkName: deps.checkName ?? STYLE_CHECK_NAME, appId: deps.appId ?? null };
  return async ({ id, name, payload, payloadText }, log) => {
    if (name === 'installation' || name === 'installation_repositories') {
      const account = text(payload, 'installation', 'account', 'login') ?? '?';
      log.info(`${name}.${text(payload, 'action') ?? '?'} for ${account} (installation ${installationOf(payload) ?? '?'})`);
      return;
    }
    const skip = selectWork(name, payload, me);
    if (skip) {
      log.debug(`Skipped ${name} ${id}: ${skip}`);
      return;
    }
    const repo = repoOf(payload);
    const stored = payloadText === undefined ? withoutApiUrls(payload) : payload;
    const { inserted } = await deps.store.enqueueDelivery({
      id, name, payload: stored, payloadText: payloadText ?? JSON.stringify(stored), receivedAt: now(),
      // One repository's work runs one delivery at a time, so concurrent events see each other's check run.
      key: repo ? `${repo.owner}/${repo.repo}`.toLowerCase() : null,
    });
    log.info(inserted ? `Queued ${name} ${id}` : `Delivery ${id} already received; not queued again`);
    if (inserted) deps.onEnqueued?.();
  };
}
