/**
 * Judges one model in one fork against upstream by content (contentHash) and version, never by
 * commit counts: a fork whose only commits merge upstream is not "ahead" (useful-forks #52).
 *
 * Rules for a model on one side only, against the merge base:
 * - upstream only: 'removed' when the base had it and upstream has not changed it since (the fork
 *   deleted it); 'behind' when the base lacked it (upstream added it later); 'diverged' when
 *   upstream changed what the fork deleted (a delete/modify conflict at path "").
 * - fork only: 'new' when the base lacked it; 'behind' when the base had it unchanged (upstream
 *   deleted it and the fork has not followed yet); 'diverged' when the fork changed what upstream
 *   deleted.
 * Without a merge base (base undefined), a model on one side only is 'behind' (upstream only)
 * or 'new' (fork only).
 */
import type { ForkVerdict, MergeConflict, ModelMetadata } from './types.js';
import { compareVersions, isSemver } from './compare-versions.js';
import { diffMetadata } from './merge-diff.js';
import { mergeMetadata } from './merge-metadata.js';

export interface ClassifyInput {
  upstream: ModelMetadata | null;
  fork: ModelMetadata | null;
  /** At the merge base: null when the model was absent there, undefined when the merge base is unknown. */
  base?: ModelMetadata | null;
}

function verdict(status: ForkVerdict['status'], conflicts: MergeConflict[] = [], merged: Record<string, unknown> | null = null): ForkVerdict {
  return { status, conflicts, merged };
}

function diverged(base: Record<string, unknown>, upstream: ModelMetadata, fork: ModelMetadata): ForkVerdict {
  const { merged, conflicts } = mergeMetadata(base, upstream.data, fork.data);
  return verdict('diverged', conflicts, conflicts.length > 0 ? null : merged);
}

/** Same version string (by precedence), other content: the case no registry tool catches. */
function sameVersion(upstream: ModelMetadata, fork: ModelMetadata): boolean {
  return upstream.version !== null && fork.version !== null && compareVersions(upstream.version, fork.version) === 0;
}

function classifyOneSided(upstream: ModelMetadata | null, fork: ModelMetadata | null, base: ModelMetadata | null | undefined): ForkVerdict {
  const present = (upstream ?? fork)!;
  if (!base) return verdict(upstream ? 'behind' : 'new');
  if (present.contentHash === base.contentHash) return verdict(upstream ? 'removed' : 'behind');
  const conflict = { path: '', base: base.data, ours: upstream?.data, theirs: fork?.data };
  return verdict('diverged', [conflict]);
}

function classifyWithoutBase(upstream: ModelMetadata, fork: ModelMetadata): ForkVerdict {
  if (sameVersion(upstream, fork)) return verdict('conflict', diffMetadata(undefined, upstream.data, fork.data));
  const ordered = upstream.version !== null && fork.version !== null && isSemver(upstream.version) && isSemver(fork.version);
  if (ordered) {
    return compareVersions(fork.version, upstream.version) > 0 ? verdict('ahead', [], fork.data) : verdict('behind');
  }
  return diverged({}, upstream, fork);
}

/** Both null is the caller's mistake: there is no model to judge. */
export function classifyModel({ upstream, fork, base }: ClassifyInput): ForkVerdict {
  if (!upstream && !fork) throw new Error('classifyModel needs the model in upstream or in the fork');
  if (!upstream || !fork) return classifyOneSided(upstream, fork, base);
  if (upstream.contentHash === fork.contentHash) return verdict('in-sync');
  // The same version with other content is a conflict whoever changed it: one version number, two models.
  if (sameVersion(upstream, fork)) return verdict('conflict', diffMetadata(base?.data, upstream.data, fork.data));
  if (base === undefined) return classifyWithoutBase(upstream, fork);
  if (base && fork.contentHash === base.contentHash) return verdict('behind');
  if (base && upstream.contentHash === base.contentHash) return verdict('ahead', [], fork.data);
  return diverged(base?.data ?? {}, upstream, fork);
}
