/** An invalid configuration on stderr, every finding with its line, for the commands that need a valid one; exit code 2. */
import type { Finding } from '../../engines/findings.js';
import { formatText } from '../../report/format-text.js';
import type { CliIo } from './cli-io.js';

export function reportInvalidConfig(command: string, findings: readonly Finding[], io: CliIo): 2 {
  const summary = { errors: findings.length, warnings: 0, notices: 0, commits: 0, files: 0 };
  io.err(`steward ${command}: the configuration is invalid\n${formatText({ findings: [...findings], summary }, { color: false })}`);
  return 2;
}
