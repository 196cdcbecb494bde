/**
 * `steward init`: copy the default configuration into the repository, never over an existing one
 * unless asked, and a model card template as README.md when the repository has no README yet.
 */
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../../platform/local/usage-error.js';
import type { CliIo } from '../cli-io.js';
import { packageFile } from '../package-root.js';
import { parseArgs } from '../parse-args.js';
import { INIT_USAGE } from '../usage.js';

const TARGET = '.github/steward.yml';
const CARD_TARGET = 'README.md';

export async function runInit(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { repo: { kind: 'string' }, force: { kind: 'boolean' }, help: { kind: 'boolean', short: 'h' } }, 'init');
  if (flags.help) {
    io.out(INIT_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`\`steward init\` takes no arguments (got "${positionals[0]}"); use --repo DIR for another folder`);
  const root = path.resolve((flags.repo as string | undefined) ?? '.');
  const force = flags.force === true;
  const target = path.join(root, TARGET);
  if (!force && (await exists(target))) {
    throw new UsageError(`${TARGET} already exists in ${root}; pass --force to overwrite it`);
  }
  const [template, card] = await Promise.all([readTemplate('steward.yml'), readTemplate('model-card.md')]);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, template);
  io.out(`Wrote ${TARGET} in ${root}. Edit it, then run \`steward check\`.\n`);
  await writeCard(root, card, force, io);
  return 0;
}

/** README.md is the card the Hub shows: written when absent, an existing one is kept unless --force. */
async function writeCard(root: string, card: string, force: boolean, io: CliIo): Promise<void> {
  const target = path.join(root, CARD_TARGET);
  if (!force && (await exists(target))) {
    io.out(`Kept the existing ${CARD_TARGET}; the model card template is ${packageFile('templates', 'model-card.md')} (--force overwrites ${CARD_TARGET} with it).\n`);
    return;
  }
  await writeFile(target, card);
  io.out(`Wrote ${CARD_TARGET}: a model card template. Replace the examples, then run \`steward cards\`.\n`);
}

async function readTemplate(name: string): Promise<string> {
  return readFile(packageFile('templates', name), 'utf8').catch(() => {
    throw new Error(`templates/${name} is missing from this installation of Steward; reinstall it`);
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
