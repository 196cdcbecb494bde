/** Entry point of actions/check (bundled to actions/check/dist/index.js). */
import { isUsageError } from '../../platform/local/usage-error.js';
import { InputError } from './read-inputs.js';
import { formatFailure, runCheck } from './run-check.js';

const print = (line: string): void => void process.stdout.write(`${line}\n`);

try {
  process.exitCode = await runCheck(process.env, print);
} catch (error) {
  print(formatFailure(error));
  // A stack helps a bug report; a mistake in the inputs or the clone needs only the message.
  const expected = error instanceof InputError || isUsageError(error);
  if (!expected && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 2;
}
