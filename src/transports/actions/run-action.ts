/** The one edge every bundled Action shares: run, print what failed and how to fix it, exit 2 on errors. */
import { isUsageError } from '../../platform/local/usage-error.js';
import { InputError } from './read-inputs.js';
import { formatFailure } from './run-check.js';

type Env = Readonly<Record<string, string | undefined>>;
type Print = (line: string) => void;

export async function runAction(run: (env: Env, print: Print) => Promise<0 | 1 | 2>): Promise<void> {
  const print: Print = (line) => void process.stdout.write(`${line}\n`);
  try {
    process.exitCode = await run(process.env, print);
  } catch (error) {
    print(formatFailure(error));
    // A stack helps a bug report; a mistake in the inputs or the clone needs only the message.
    const expected = error instanceof InputError || isUsageError(error);
    if (!expected && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = 2;
  }
}
