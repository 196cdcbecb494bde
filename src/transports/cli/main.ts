/**
 * The `steward` command line. Entry point only: pick the command, run it, and turn every error into
 * a message on stderr and exit code 2 (SPEC.md §2). The one try/catch is here.
 */
import { readFileSync } from 'node:fs';
import { isUsageError } from '../../platform/local/usage-error.js';
import { processIo, type CliIo } from './cli-io.js';
import { runCheck } from './commands/check.js';
import { runInit } from './commands/init.js';
import { runServe } from './commands/serve.js';
import { MAIN_USAGE } from './usage.js';
import { packageFile } from './package-root.js';

export async function main(argv: readonly string[]): Promise<number> {
  const io = processIo();
  const [command, ...rest] = argv;
  try {
    return await dispatch(command, rest, io);
  } catch (error) {
    return reportError(error, command, io);
  }
}

async function dispatch(command: string | undefined, rest: string[], io: CliIo): Promise<number> {
  switch (command) {
    case 'check':
      return runCheck(rest, io, readVersion());
    case 'init':
      return runInit(rest, io);
    case 'serve':
      return runServe(rest, io);
    case 'cards':
      // Each command loads what it needs: `check` on a range without cards never loads the card engine.
      return (await import('./commands/cards.js')).runCards(rest, io, readVersion());
    case 'eval':
      return (await import('./commands/eval.js')).runEval(rest, io);
    case 'reconcile':
      return (await import('./commands/reconcile.js')).runReconcile(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.out(MAIN_USAGE);
      return 0;
    case '--version':
    case '-v':
      io.out(`${readVersion()}\n`);
      return 0;
    case undefined:
      io.err(MAIN_USAGE);
      return 2;
    default:
      io.err(`steward: unknown command "${command}"\n\n${MAIN_USAGE}`);
      return 2;
  }
}

function reportError(error: unknown, command: string | undefined, io: CliIo): number {
  const message = error instanceof Error ? error.message : String(error);
  if (isUsageError(error)) {
    io.err(`steward${command ? ` ${command}` : ''}: ${message}\nRun \`steward ${command ? `${command} ` : ''}--help\` for usage.\n`);
    return 2;
  }
  // A stack helps whoever fixes Steward, not whoever runs it: only on request.
  if (io.env.STEWARD_DEBUG && error instanceof Error && error.stack) io.err(`steward: ${error.stack}\n`);
  else io.err(`steward: ${message}\n(Set STEWARD_DEBUG=1 to see where it happened.)\n`);
  return 2;
}

function readVersion(): string {
  const text = readFileSync(packageFile('package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
