/** Use-case: validate model-card files read from anywhere (the CLI's paths, later a PR's changed cards). */
import type { StewardConfig } from '../config/types.js';
import { makeFinding, summarizeFindings, type Finding, type FindingsReport } from '../engines/findings.js';
import { checkCard, type CardCheckOptions, type CardProfile } from '../engines/model-card/check-card.js';
import { prepareRepoSchemas, type RepoSchemaEntry, type SectionRule } from '../engines/model-card/repo-schema-check.js';
import type { ReadSchema } from '../engines/model-card/repo-schema-load.js';
import { cardPathsOf } from './changed-cards.js';

/** Bigger than any real card: such a file is reported, never read. */
export const MAX_CARD_BYTES = 10 * 1024 * 1024;

export type CardFile = { path: string; text: string } | { path: string; bytes: number };

/** Where repository schemas come from: the reader of files (relative to the repository), and the CLI's --schema. */
export interface CardSchemaSources {
  readSchema?: ReadSchema;
  /** One schema for every card, instead of `model-cards.schemas` (`steward cards --schema FILE`). */
  schema?: string;
}

/**
 * The card options of a resolved config, with `profile` overridable (the CLI's --profile). Repository
 * schemas are loaded and compiled here, once for all cards; without a reader they are not applied.
 */
export { DEFAULT_CARD_PATHS } from './changed-cards.js';

export function cardOptionsOf(config: StewardConfig, profile?: CardProfile, sources: CardSchemaSources = {}): CardCheckOptions & { paths: string[] } {
  const section = (config['model-cards'] ?? {}) as {
    profile?: CardProfile; paths?: string[]; 'required-sections'?: string[]; schemas?: RepoSchemaEntry[]; sections?: SectionRule[];
  };
  const entries = sources.schema !== undefined ? [{ schema: sources.schema }] : section.schemas ?? [];
  return {
    profile: profile ?? section.profile ?? 'huggingface',
    requiredSections: section['required-sections'] ?? [],
    paths: cardPathsOf(config),
    schemas: sources.readSchema ? prepareRepoSchemas(entries, sources.readSchema) : [],
    sections: section.sections ?? [],
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
