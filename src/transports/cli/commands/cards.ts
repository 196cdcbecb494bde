/** `steward cards`: validate model cards directly, no git needed (SPEC.md §4). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { exitCodeFor } from '../../../engines/findings.js';
import type { CardProfile } from '../../../engines/model-card/check-card.js';
import { readSchemaUnder } from '../../../platform/local/read-local-schema.js';
import { UsageError } from '../../../platform/local/usage-error.js';
import { cardOptionsOf, checkCardFiles } from '../../../workflows/check-card-files.js';
import { resolveLocalConfig } from '../../resolve-local-config.js';
import type { CliIo } from '../cli-io.js';
import { findCardFiles } from '../../find-card-files.js';
import { parseArgs, type FlagSpec } from '../parse-args.js';
import { renderReport, toFormat } from '../render-report.js';
import { CARDS_USAGE } from '../usage.js';

const FLAGS: Record<string, FlagSpec> = {
  repo: { kind: 'string' },
  config: { kind: 'string' },
  profile: { kind: 'string' },
  schema: { kind: 'string' },
  format: { kind: 'string' },
  help: { kind: 'boolean', short: 'h' },
};
const PROFILES: readonly CardProfile[] = ['huggingface', 'mitchell', 'none'];

export async function runCards(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const { flags, positionals } = parseArgs(argv, FLAGS, 'cards');
  if (flags.help) {
    io.out(CARDS_USAGE);
    return 0;
  }
  const format = toFormat(flags.format as string | undefined);
  const profile = toProfile(flags.profile as string | undefined);
  const root = path.resolve((flags.repo as string | undefined) ?? '.');
  const schema = schemaFlag(root, flags.schema as string | undefined);
  const resolved = await resolveLocalConfig(root, flags.config as string | undefined);
  if (!resolved.config) {
    io.out(renderReport({ findings: resolved.findings, summary: { errors: resolved.findings.length, warnings: 0, notices: 0, commits: 0, files: 0 } }, format, io, version));
    return 2;
  }
  const options = cardOptionsOf(resolved.config, profile, { readSchema: readSchemaUnder(root), schema });
  const files = await findCardFiles(root, positionals, options.paths);
  if (!files.length) io.err(`note: no model card found (looked for ${positionals.length ? positionals.join(', ') : options.paths.join(', ')})\n`);
  const report = checkCardFiles(files, options);
  io.out(renderReport(report, format, io, version));
  return exitCodeFor(report.findings);
}

function toProfile(value: string | undefined): CardProfile | undefined {
  if (value === undefined || (PROFILES as readonly string[]).includes(value)) return value as CardProfile | undefined;
  throw new UsageError(`--profile must be huggingface, mitchell or none, not "${value}"`);
}

/** --schema FILE (relative to the working folder) as a path relative to --repo, like the config's schemas. */
function schemaFlag(root: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  if (!existsSync(path.resolve(file))) throw new UsageError(`--schema ${file}: no such file`);
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}
