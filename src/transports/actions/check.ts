/** Entry point of actions/check (bundled to actions/check/dist/index.js). */
import { runAction } from './run-action.js';
import { runCheck } from './run-check.js';

await runAction(runCheck);
