/** The cards an event changed: the local adapter's changed files of the range, matched against the card globs. */
import picomatch from 'picomatch';
import { createLocalAdapter } from '../../platform/local/create-local-adapter.js';
import type { EventRange } from './read-event.js';

/** Paths (repository-relative, POSIX) of the cards added or modified in the range; removed ones are skipped. */
export async function listChangedCards(workspace: string, range: EventRange, globs: readonly string[]): Promise<string[]> {
  const local = await createLocalAdapter({
    dir: workspace,
    ...(range.base ? { base: range.base } : {}),
    ...(range.head ? { head: range.head } : {}),
  });
  const { pr } = await local.loadPullRequest({ owner: 'local', repo: 'repository', number: range.pr?.number ?? 0 }, 'Steward / model cards');
  const isCard = picomatch([...globs], { dot: true });
  return pr.files.filter((file) => file.status !== 'removed' && isCard(file.path)).map((file) => file.path).sort();
}
