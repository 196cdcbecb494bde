/**
 * The Probot app: routing only, for `probot.receive` (tests and embedders). A delivery is recorded
 * in the store and answered at once; the worker does the work after the answer (SPEC.md §5). The
 * server of `steward serve` hands verified deliveries to the same acceptor without Probot's
 * middleware (it would check the signature a second time and build a client per event).
 */
import type { ApplicationFunction, Context, Probot } from 'probot';
import { createDeliveryAcceptor, type AcceptDeps } from './accept-delivery.js';
import { WORK_EVENTS } from './select-work.js';

export type AppDeps = AcceptDeps;

export function createApp(deps: AppDeps): ApplicationFunction {
  const accept = createDeliveryAcceptor(deps);
  return (app: Probot) => {
    app.on([...WORK_EVENTS, 'installation', 'installation_repositories'], (context: Context) =>
      accept({ id: context.id, name: context.name, payload: context.payload }, context.log));
  };
}
