/**
 * The ledger of what a reconcile run published: an output whose content is unchanged since the
 * last run is neither written nor even read from GitHub.
 */
import { createHash } from 'node:crypto';
import type { Publication } from '../platform/reconcile-port.js';
import type { ReconcilePublishDeps } from './reconcile-publish-types.js';

export function hashContent(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Writes an output unless the ledger says it already holds this content. A write that proposes
 * nothing (the default branch already has it) is remembered too, so it is not asked again.
 */
export async function publishOnce(
  deps: Pick<ReconcilePublishDeps, 'ledger' | 'now'>, repoKey: string, kind: string, content: string,
  write: (known: number | null) => Promise<Publication>,
): Promise<number | null> {
  const contentHash = hashContent(content);
  const known = await deps.ledger.findReconcileOutput(repoKey, kind);
  if (known && known.contentHash === contentHash) return known.number > 0 ? known.number : null;
  const published = await write(known && known.number > 0 ? known.number : null);
  await deps.ledger.saveReconcileOutput({ repoKey, kind, number: published.number ?? 0, contentHash, updatedAt: deps.now().toISOString() });
  return published.number;
}
