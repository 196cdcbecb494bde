/** Use-case: validate model-card files read from anywhere (the CLI's paths, later a PR's changed cards). */
import type { StewardConfig } from '../config/types.js';
import { makeFinding, summarizeFindings, type Finding, type FindingsReport } from '../engines/findings.js';
import { checkCard, type CardCheckOptions, type CardProfile } from '../engines/model-card/check-card.js';

/** SPEC.md §1's default for `model-cards.paths`. */
export const DEFAULT_CARD_PATHS = ['**/README.md', '**/MODEL_CARD.md', '**/model_card.md', '**/model-card.md'];
/** Bigger than any real card: such a file is reported, never read. */
export const MAX_CARD_BYTES = 10 * 1024 * 1024;

export type CardFile = { path: string; text: string } | { path: string; bytes: number };

/** The card options of a resolved config, with `profile` overridable (the CLI's --profile). */
export function cardOptionsOf(config: StewardConfig, profile?: CardProfile): CardCheckOptions & { paths: string[] } {
  const section = (config['model-cards'] ?? {}) as { profile?: CardProfile; paths?: string[]; 'required-sections'?: string[] };
  return {
    profile: profile ?? section.profile ?? 'huggingface',
    requiredSections: section['required-sections'] ?? [],
    paths: section.paths ?? DEFAULT_CARD_PATHS,
  };
}

export function checkCardFiles(files: readonly CardFile[], options: CardCheckOptions): FindingsReport {
  const findings: Finding[] = files.flatMap((file) => ('text' in file ? checkCard(file.text, file.path, options) : [tooLarge(file)]));
  return summarizeFindings(findings, { commits: 0, files: files.length });
}

function tooLarge(file: { path: string; bytes: number }): Finding {
  const mb = (file.bytes / 1024 / 1024).toFixed(1);
  return makeFinding({
    check: 'model-card', rule: 'card-front-matter', severity: 'error', path: file.path, line: 1,
    message: `${file.path} is ${mb} MB, too large to be a model card (limit ${MAX_CARD_BYTES / 1024 / 1024} MB); it was not read`,
    hint: 'Keep the card to text: move data, weights or generated tables out of the README.',
  });
}
