/** `steward init`: copy the default configuration into the repository, never over an existing one unless asked. */
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../../platform/local/usage-error.js';
import type { CliIo } from '../cli-io.js';
import { packageFile } from '../package-root.js';
import { parseArgs } from '../parse-args.js';
import { INIT_USAGE } from '../usage.js';

const TARGET = '.github/steward.yml';

export async function runInit(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { repo: { kind: 'string' }, force: { kind: 'boolean' }, help: { kind: 'boolean', short: 'h' } }, 'init');
  if (flags.help) {
    io.out(INIT_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`\`steward init\` takes no arguments (got "${positionals[0]}"); use --repo DIR for another folder`);
  const root = path.resolve((flags.repo as string | undefined) ?? '.');
  const target = path.join(root, TARGET);
  if (!flags.force && (await exists(target))) {
    throw new UsageError(`${TARGET} already exists in ${root}; pass --force to overwrite it`);
  }
  const template = await readFile(packageFile('templates', 'steward.yml'), 'utf8').catch(() => {
    throw new Error(`the default configuration (templates/steward.yml) is missing from this installation of Steward; reinstall it`);
  });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, template);
  io.out(`Wrote ${TARGET} in ${root}. Edit it, then run \`steward check\`.\n`);
  return 0;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
