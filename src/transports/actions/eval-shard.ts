/** Entry point of actions/eval-shard (bundled to actions/eval-shard/dist/index.js; step 1 of the composite action). */
import { runAction } from './run-action.js';
import { runEvalShard } from './eval-shard-run.js';

await runAction(runEvalShard);
