/** Commands of the SPEC that later versions bring. They say so instead of pretending to work. */
import type { CliIo } from '../cli-io.js';

export function runUnavailable(command: string, io: CliIo): number {
  io.err(`steward ${command}: not available yet in this version; run \`steward --help\` for the commands that are\n`);
  return 2;
}
