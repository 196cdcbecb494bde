/** Entry point of actions/model-cards (bundled to actions/model-cards/dist/index.js). */
import { isUsageError } from '../../platform/local/usage-error.js';
import { InputError } from './read-inputs.js';
import { runCardCheck } from './run-card-check.js';
import { formatFailure } from './run-check.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);

try {
  process.exitCode = await runCardCheck(process.env, print);
} catch (error) {
  print(formatFailure(error));
  // A stack helps a bug report; a mistake in the inputs or the clone needs only the message.
  const expected = error instanceof InputError || isUsageError(error);
  if (!expected && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 2;
}
