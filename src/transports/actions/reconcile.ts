/** Entry point of actions/reconcile (bundled to actions/reconcile/dist/index.js). */
import { runAction } from './run-action.js';
import { runReconcileAction } from './run-reconcile-action.js';

await runAction((env, print) => runReconcileAction(env, print));
