/** Entry point of actions/model-cards (bundled to actions/model-cards/dist/index.js). */
import { runAction } from './run-action.js';
import { runCardCheck } from './run-card-check.js';

await runAction(runCardCheck);
