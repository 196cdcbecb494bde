/** `steward check`: parse options, build the local adapter, run the one workflow, print, map to an exit code. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { exitCodeFor } from '../../../engines/findings.js';
import { createLocalAdapter } from '../../../platform/local/create-local-adapter.js';
import { UsageError } from '../../../platform/local/usage-error.js';
import { checkPullRequest } from '../../../workflows/check-pull-request.js';
import { withCardFindings } from '../../with-card-findings.js';
import type { CliIo } from '../cli-io.js';
import { parseArgs, type FlagSpec } from '../parse-args.js';
import { renderReport, toFormat } from '../render-report.js';
import { CHECK_USAGE } from '../usage.js';

const FLAGS: Record<string, FlagSpec> = {
  repo: { kind: 'string' },
  base: { kind: 'string' },
  head: { kind: 'string' },
  title: { kind: 'string' },
  'body-file': { kind: 'string' },
  label: { kind: 'string', multiple: true },
  config: { kind: 'string' },
  format: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};

export async function runCheck(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const { flags, positionals } = parseArgs(argv, FLAGS, 'check');
  if (flags.help) {
    io.out(CHECK_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`\`steward check\` takes no arguments (got "${positionals[0]}"); use --repo DIR for another folder`);
  const format = toFormat(flags.format as string | undefined);
  const body = await readBody(flags['body-file'] as string | undefined, io);
  const adapter = await createLocalAdapter({
    dir: (flags.repo as string | undefined) ?? '.',
    base: flags.base as string | undefined,
    head: flags.head as string | undefined,
    title: flags.title as string | undefined,
    body,
    labels: flags.label as string[] | undefined,
    configPath: flags.config as string | undefined,
  });
  if (adapter.range.fromRoot) {
    const { headRef, baseRef } = adapter.range;
    io.err(`note: ${headRef} adds no commits to the default branch ${baseRef}, so the whole history up to ${headRef} is checked; pass --base REF to check a range\n`);
  }
  const ref = { owner: 'local', repo: path.basename(adapter.range.root), number: 0 };
  const outcome = await checkPullRequest(adapter, ref, { waivers: [] });
  const report = await withCardFindings(adapter, ref, outcome);
  io.out(renderReport(report, format, io, version));
  // An invalid config is not a verdict on the code: its findings are printed, and the exit says "fix the config".
  if (outcome.resolved.config === null) return 2;
  return exitCodeFor(report.findings);
}

async function readBody(file: string | undefined, io: CliIo): Promise<string | undefined> {
  if (file === undefined) return undefined;
  if (file === '-') return io.readStdin();
  return readFile(file, 'utf8').catch(() => {
    throw new UsageError(`--body-file ${file}: cannot read that file; pass the path of a text file with the pull request description`);
  });
}
