/**
 * Upstreaming candidates: forks ahead of upstream, grouped by the content they hold. Ranked by
 * version (GTO's rule: valid SemVer first, by precedence; others after) and then by how many forks
 * converge on the same content, since agreement among forks is evidence the change is wanted.
 */
import { compareVersions, isSemver } from '../engines/reconcile/compare-versions.js';
import type { ReconcileReport } from '../engines/reconcile/report-types.js';

export interface Candidate {
  model: string;
  version: string | null;
  contentHash: string;
  forks: string[];
}

export function rankCandidates(report: ReconcileReport): Candidate[] {
  const groups = new Map<string, Candidate>();
  for (const m of report.models) {
    for (const f of m.forks) {
      if (f.verdict.status !== 'ahead' || !f.metadata) continue;
      const key = JSON.stringify([m.id, f.metadata.contentHash]);
      const group = groups.get(key) ?? { model: m.id, version: f.metadata.version, contentHash: f.metadata.contentHash, forks: [] };
      group.forks.push(f.fork);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((g) => ({ ...g, forks: [...g.forks].sort(compareText) }))
    .sort((a, b) => compareNewestFirst(a.version, b.version) || b.forks.length - a.forks.length || compareText(a.model, b.model) || compareText(a.forks[0]!, b.forks[0]!));
}

const rankOf = (v: string | null) => (v === null ? 2 : isSemver(v) ? 0 : 1);

/** Newest first: SemVer versions by descending precedence, then other strings by text, then none. */
export function compareNewestFirst(a: string | null, b: string | null): number {
  const rank = rankOf(a) - rankOf(b);
  if (rank) return rank;
  return rankOf(a) === 0 ? compareVersions(b, a) : compareVersions(a, b);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
