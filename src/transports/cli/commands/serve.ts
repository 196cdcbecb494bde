/** `steward serve`: the GitHub App. Loaded on demand so other commands never pay for Probot. */
import type { CliIo } from '../cli-io.js';
import { SERVE_USAGE } from '../usage.js';

export async function runServe(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(SERVE_USAGE);
    return 0;
  }
  const { serve } = await import('../../probot/serve.js');
  // serve() logs where it listens and keeps the process alive until SIGINT or SIGTERM.
  await serve(io.env);
  return 0;
}
