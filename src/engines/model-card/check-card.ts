/** One model card, start to finish: parse as the Hub does, then the chosen profile and the repository's own rules (pure). */
import type { Finding } from '../findings.js';
import { checkMitchellSections } from './mitchell-sections.js';
import { parseCard } from './parse-card.js';
import { checkRepoSchemas, requiredSectionsFor, type PreparedSchema, type SectionRule } from './repo-schema-check.js';
import { validateHubMetadata } from './validate-hub-metadata.js';

export type CardProfile = 'huggingface' | 'mitchell' | 'none';

export interface CardCheckOptions {
  profile: CardProfile;
  /** Sections every card must have and fill (`model-cards.required-sections`). */
  requiredSections: string[];
  /** Repository schemas, loaded and compiled beforehand (`model-cards.schemas`, `--schema`). */
  schemas?: readonly PreparedSchema[];
  /** Sections the cards of some paths must have too (`model-cards.sections`). */
  sections?: readonly SectionRule[];
}

export function checkCard(text: string, path: string, options: CardCheckOptions): Finding[] {
  const card = parseCard(text, path);
  const findings = [...card.findings];
  if (options.profile === 'huggingface') findings.push(...withoutRepeats(validateHubMetadata(card), card.findings));
  if (options.schemas?.length) findings.push(...checkRepoSchemas(card, options.schemas));
  const required = requiredSectionsFor(path, options.requiredSections, options.sections);
  if (options.profile === 'mitchell' || required.length > 0) {
    findings.push(...checkMitchellSections(card, { required, paper: options.profile === 'mitchell' }));
  }
  return findings;
}

/** A value the parser already explained (`language: no` read as false) is not reported again by the profile. */
function withoutRepeats(profile: Finding[], parsing: readonly Finding[]): Finding[] {
  const explained = new Set(parsing.filter((f) => f.rule === 'card-yaml' && f.field).map((f) => f.field));
  return profile.filter((f) => !(f.field && explained.has(f.field)));
}
