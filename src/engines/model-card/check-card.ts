/** One model card, start to finish: parse as the Hub does, then the chosen profile (pure). */
import type { Finding } from '../findings.js';
import { checkMitchellSections } from './mitchell-sections.js';
import { parseCard } from './parse-card.js';
import { validateHubMetadata } from './validate-hub-metadata.js';

export type CardProfile = 'huggingface' | 'mitchell' | 'none';

export interface CardCheckOptions {
  profile: CardProfile;
  /** Sections every card must have and fill (`model-cards.required-sections`). */
  requiredSections: string[];
}

export function checkCard(text: string, path: string, options: CardCheckOptions): Finding[] {
  const card = parseCard(text, path);
  const findings = [...card.findings];
  if (options.profile === 'huggingface') findings.push(...validateHubMetadata(card));
  if (options.profile === 'mitchell' || options.requiredSections.length > 0) {
    findings.push(...checkMitchellSections(card, { required: options.requiredSections, paper: options.profile === 'mitchell' }));
  }
  return findings;
}
