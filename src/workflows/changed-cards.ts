/**
 * Which changed files are model cards. Kept apart from the card engine so that a check whose range
 * changes no card never loads it (the Hub's task and library lists alone are a third of a megabyte).
 */
import picomatch from 'picomatch';
import type { StewardConfig } from '../config/types.js';
import type { PullRequest } from '../engines/pull-request.js';

/** SPEC.md §1's default for `model-cards.paths`. */
export const DEFAULT_CARD_PATHS = ['**/README.md', '**/MODEL_CARD.md', '**/model_card.md', '**/model-card.md'];

export function cardPathsOf(config: StewardConfig): string[] {
  return ((config['model-cards'] ?? {}) as { paths?: string[] }).paths ?? DEFAULT_CARD_PATHS;
}

/** Changed files that are cards: added, modified, renamed or copied ones matching the paths; removed ones are gone. */
export function changedCards(pr: PullRequest, paths: readonly string[]): string[] {
  const isCard = picomatch([...paths], { dot: true });
  return pr.files.filter((f) => f.status !== 'removed' && isCard(f.path)).map((f) => f.path);
}
