/** `steward cards`: validate model cards directly, no git needed (SPEC.md §4). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { resolveConfig } from '../../../config/load.js';
import { exitCodeFor } from '../../../engines/findings.js';
import type { CardProfile } from '../../../engines/model-card/check-card.js';
import type { ReadSchema } from '../../../engines/model-card/repo-schema-load.js';
import { readExtendedFile, readLocalConfig } from '../../../platform/local/read-local-files.js';
import { UsageError } from '../../../platform/local/usage-error.js';
import { cardOptionsOf, checkCardFiles } from '../../../workflows/check-card-files.js';
import type { CliIo } from '../cli-io.js';
import { findCardFiles } from '../find-card-files.js';
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
  const configFile = await readLocalConfig(root, flags.config as string | undefined);
  const configFolder = path.dirname(path.resolve(root, configFile?.path ?? '.github/steward.yml'));
  const resolved = await resolveConfig({ repository: configFile, organization: null }, (target) =>
    target.repository === null ? readExtendedFile(root, configFolder, target.path) : Promise.resolve(null));
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

const MAX_SCHEMA_BYTES = 5 * 1024 * 1024;

/** Schema files under the repository folder: JSON, or YAML for .yml/.yaml; null when absent, the reason when unreadable. */
function readSchemaUnder(root: string): ReadSchema {
  return (file) => {
    const absolute = path.resolve(root, file);
    try {
      if (!statSync(absolute).isFile()) return 'it is a folder, not a file';
      if (statSync(absolute).size > MAX_SCHEMA_BYTES) return 'it is larger than 5 MB';
      const text = readFileSync(absolute, 'utf8');
      return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : (error as Error).message;
    }
  };
}
