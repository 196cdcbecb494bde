/**
 * `steward eval run` (SPEC.md §4): the embedded runner. Loads the configuration, opens the store
 * (DATABASE_URL, else .steward/steward.sqlite in the repository), runs the suite on this machine and
 * prints the result and the comparison with the baseline. Exit 1 when a metric regressed or some
 * piece has no result, 2 when nothing could run (configuration, usage, every piece failed).
 */
import os from 'node:os';
import path from 'node:path';
import { createShardExecutor, stopRunningCommands } from '../../../platform/local/create-shard-executor.js';
import { UsageError } from '../../../platform/local/usage-error.js';
import { openStore } from '../../../store/index.js';
import { checkLocalEvaluation, runEvaluationLocally, type LocalEvalRun } from '../../../workflows/run-evaluation-locally.js';
import { resolveLocalConfig } from '../../resolve-local-config.js';
import type { CliIo } from '../cli-io.js';
import { reportInvalidConfig } from '../report-invalid-config.js';
import { parseArgs, type FlagSpec } from '../parse-args.js';
import { EVAL_USAGE } from '../usage.js';
import { readLocalHead } from './eval-git.js';
import { createProgress } from './eval-progress.js';
import { renderRun } from './eval-run-output.js';

const FLAGS: Record<string, FlagSpec> = {
  suite: { kind: 'string' },
  concurrency: { kind: 'string' },
  format: { kind: 'string' },
  repo: { kind: 'string' },
  config: { kind: 'string' },
  baseline: { kind: 'boolean' },
  model: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};

/** Where runs are kept when DATABASE_URL is unset: in the repository, ignored by git (add `.steward/` to .gitignore). */
export const LOCAL_STORE = path.join('.steward', 'steward.sqlite');

export async function runEvalRun(argv: readonly string[], io: CliIo, stderrIsTerminal = Boolean(process.stderr.isTTY)): Promise<number> {
  const { flags, positionals } = parseArgs(argv, FLAGS, 'eval run');
  if (flags.help) {
    io.out(EVAL_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"; name the suite with --suite`);
  const format = (flags.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const concurrency = readConcurrency(flags.concurrency as string | undefined);
  const root = path.resolve((flags.repo as string | undefined) ?? '.');
  const resolved = await resolveLocalConfig(root, flags.config as string | undefined);
  if (!resolved.config) return reportInvalidConfig('eval run', resolved.findings, io);
  const evaluation = resolved.config.evaluation ?? {};
  // Said before the store is opened: a mistyped suite leaves no database behind.
  const problems = checkLocalEvaluation(evaluation, flags.suite as string | undefined);
  if (problems.length) return reportProblems(problems, io);
  const head = await readLocalHead(root);
  const progress = createProgress(format === 'json' ? 'none' : stderrIsTerminal ? 'terminal' : 'lines', io.err, Date.now);
  const store = await openStore({ url: io.env.DATABASE_URL || path.join(root, LOCAL_STORE) });
  // The commands run in process groups of their own: Ctrl-C must end them too, not leave them running.
  const onInterrupt = () => {
    progress.stop();
    stopRunningCommands();
    io.err('steward eval run: interrupted; the commands still running were stopped\n');
    process.exitCode = 130;
  };
  process.once('SIGINT', onInterrupt);
  try {
    const outcome = await runEvaluationLocally({
      evaluation, suite: flags.suite as string | undefined, model: flags.model as string | undefined,
      repo: { owner: 'local', name: path.basename(root) }, cwd: root, sha: head.sha, branch: head.branch,
      baseline: flags.baseline === true || head.onDefaultBranch, concurrency, store, executor: createShardExecutor(),
      now: () => new Date(), onEvent: progress.onEvent,
    });
    progress.stop();
    return outcome.ok ? report(outcome, format, head.sha, io) : reportProblems(outcome.problems, io);
  } finally {
    process.off('SIGINT', onInterrupt);
    progress.stop();
    await store.close();
  }
}

function reportProblems(problems: readonly string[], io: CliIo): number {
  io.err(`steward eval run: the evaluation configuration needs fixing:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  return 2;
}

function readConcurrency(value: string | undefined): number {
  if (value === undefined) return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--concurrency must be a whole number ≥ 1 (shards at once), not "${value}"`);
  return Number(value);
}

function report(run: LocalEvalRun, format: 'text' | 'json', sha: string, io: CliIo): number {
  const rendered = renderRun(run, format, sha);
  io.out(rendered.stdout);
  if (rendered.stderr) io.err(rendered.stderr);
  const nothing = run.result.metrics.length === 0 && run.result.missing.length > 0;
  if (nothing) return 2;
  return run.comparison.regressions > 0 || run.result.partial ? 1 : 0;
}
