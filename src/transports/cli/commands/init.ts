/**
 * `steward init`: copy the default configuration into the repository, never over an existing one
 * unless asked, a model card template as README.md when the repository has no README yet, and the
 * evaluation workflow the Steward App dispatches (.github/workflows/steward-eval.yml).
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
const WORKFLOW_TARGET = '.github/workflows/steward-eval.yml';
/** The template's stand-in for Steward's own eval-shard action, pinned by `--actions-ref`. */
export const ACTIONS_TOKEN = '__STEWARD_ACTIONS__';
const ACTIONS_REF = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)@([0-9a-f]{40})$/;

export async function runInit(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { repo: { kind: 'string' }, force: { kind: 'boolean' }, 'actions-ref': { kind: 'string' }, help: { kind: 'boolean', short: 'h' } }, 'init');
  if (flags.help) {
    io.out(INIT_USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`\`steward init\` takes no arguments (got "${positionals[0]}"); use --repo DIR for another folder`);
  const root = path.resolve((flags.repo as string | undefined) ?? '.');
  const force = flags.force === true;
  const actionsRef = await resolveActionsRef(flags['actions-ref'] as string | undefined);
  const target = path.join(root, TARGET);
  if (!force && (await exists(target))) {
    throw new UsageError(`${TARGET} already exists in ${root}; pass --force to overwrite it`);
  }
  const [template, card] = await Promise.all([readTemplate('steward.yml'), readTemplate('model-card.md')]);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, template);
  io.out(`Wrote ${TARGET} in ${root}. Edit it, then run \`steward check\`.\n`);
  await writeCard(root, card, force, io);
  await writeWorkflow(root, actionsRef, force, io);
  return 0;
}

/** OWNER/REPO@SHA from --actions-ref, else package.json's "stewardActions"; null when neither is set. */
async function resolveActionsRef(flag: string | undefined): Promise<string | null> {
  const manifest = JSON.parse(await readFile(packageFile('package.json'), 'utf8')) as { stewardActions?: unknown };
  const ref = flag ?? (typeof manifest.stewardActions === 'string' ? manifest.stewardActions : undefined);
  if (ref === undefined) return null;
  const match = ACTIONS_REF.exec(ref);
  if (!match) {
    const source = flag === undefined ? 'package.json "stewardActions"' : '--actions-ref';
    throw new UsageError(`${source} is "${ref}"; give OWNER/REPO@SHA with the full 40-character commit SHA of the Steward repository, e.g. steward-dev/steward@${'0'.repeat(40)}`);
  }
  return `${match[1]}/actions/eval-shard@${match[2]}`;
}

/** The evaluation workflow: kept when present (unless --force), like README.md. */
async function writeWorkflow(root: string, actionsRef: string | null, force: boolean, io: CliIo): Promise<void> {
  const target = path.join(root, WORKFLOW_TARGET);
  if (!force && (await exists(target))) {
    io.out(`Kept the existing ${WORKFLOW_TARGET}; the template is ${packageFile('templates', 'steward-eval.yml')} (--force overwrites it).\n`);
    return;
  }
  const template = await readTemplate('steward-eval.yml');
  await mkdir(path.dirname(target), { recursive: true });
  if (actionsRef) {
    await writeFile(target, template.replaceAll(ACTIONS_TOKEN, actionsRef));
    io.out(`Wrote ${WORKFLOW_TARGET}: the evaluation workflow Steward dispatches, using ${actionsRef}.\n`);
    return;
  }
  const note = `# TODO: replace ${ACTIONS_TOKEN} with OWNER/REPO/actions/eval-shard@<40-character commit SHA> of Steward (or rerun \`steward init --force --actions-ref OWNER/REPO@SHA\`).\n`;
  await writeFile(target, template.replace(/^(\s*)- uses: __STEWARD_ACTIONS__/m, (line, indent: string) => `${indent}${note.trimEnd()}\n${line}`));
  io.out(`Wrote ${WORKFLOW_TARGET}, but it still says ${ACTIONS_TOKEN}: pin Steward's eval-shard action there to a commit SHA, or pass --actions-ref OWNER/REPO@SHA.\n`);
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
