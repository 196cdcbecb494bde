/**
 * `steward reconcile` (SPEC.md §4): each remote of a local clone is a fork; compares every model's
 * metadata in every fork with upstream's and prints text, JSON or Markdown; --write-registry writes
 * registry.json. Exit codes: 0 no conflict, 1 a model in conflict (or diverged with conflicts the
 * merge cannot decide), 2 usage, configuration, or an upstream that cannot be read.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReconcileReport } from '../../../engines/reconcile/report-types.js';
import { UsageError } from '../../../platform/local/usage-error.js';
import { hasConflict, renderReconcileJson } from '../../../report/reconcile-json.js';
import { renderReconcileMarkdown } from '../../../report/reconcile-markdown.js';
import { renderRegistry } from '../../../report/reconcile-registry.js';
import { renderReconcileText } from '../../../report/reconcile-text.js';
import { reconcileForks } from '../../../workflows/reconcile-forks.js';
import { reconcileSettingsOf } from '../../../workflows/reconcile-options.js';
import { resolveLocalConfig } from '../../resolve-local-config.js';
import type { CliIo } from '../cli-io.js';
import { parseArgs, type FlagSpec } from '../parse-args.js';
import { reportInvalidConfig } from '../report-invalid-config.js';
import { RECONCILE_USAGE } from '../usage.js';
import { createLocalReconcileReader } from './reconcile-reader.js';

const FLAGS: Record<string, FlagSpec> = {
  repo: { kind: 'string' },
  remote: { kind: 'string', multiple: true },
  'all-remotes': { kind: 'boolean' },
  format: { kind: 'string' },
  'write-registry': { kind: 'string' },
  config: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};
const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const RENDERERS: Record<Format, (report: ReconcileReport) => string> = {
  text: renderReconcileText,
  json: renderReconcileJson,
  markdown: (report) => renderReconcileMarkdown(report, Number.POSITIVE_INFINITY),
};

export async function runReconcile(argv: readonly string[], io: CliIo, stderrIsTerminal = Boolean(process.stderr.isTTY)): Promise<number> {
  const { flags, positionals } = parseArgs(argv, FLAGS, 'reconcile');
  if (flags.help) {
    io.out(RECONCILE_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"; name forks with --remote NAME`);
  const format = toFormat(flags.format as string | undefined);
  const root = path.resolve((flags.repo as string | undefined) ?? '.');
  const resolved = await resolveLocalConfig(root, flags.config as string | undefined);
  if (!resolved.config) return reportInvalidConfig('reconcile', resolved.findings, io);
  const remotes = (flags.remote as string[] | undefined) ?? [];
  // No --remote means every remote: reconciling nothing is never what was asked for.
  const reader = createLocalReconcileReader(root, { remotes, all: Boolean(flags['all-remotes']) || remotes.length === 0 });
  const showProgress = stderrIsTerminal && format !== 'json';
  const { report, upstreamProblem } = await reconcileForks(reader, {
    ...reconcileSettingsOf(resolved.config),
    onProgress: showProgress ? (message) => io.err(`${message}…\n`) : undefined,
  });
  if (upstreamProblem !== null) {
    io.err(`steward reconcile: cannot read upstream "${report.upstream.name}": ${upstreamProblem}\n`);
    return 2;
  }
  const registry = flags['write-registry'] as string | undefined;
  if (registry !== undefined) writeFileSync(path.resolve(registry), renderRegistry(report));
  io.out(RENDERERS[format](report));
  return hasConflict(report) ? 1 : 0;
}

function toFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be text, json or markdown, not "${value}"`);
}
