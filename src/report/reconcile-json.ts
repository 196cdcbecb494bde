/**
 * `steward reconcile --format json` (SPEC.md §4): the SPEC's fields exactly, plus `summary` (counts by
 * status) and `findings`. JSON has no "absent": a conflict side the metadata lacks is written as null.
 */
import type { Finding } from '../engines/findings.js';
import type { ReconcileReport } from '../engines/reconcile/report-types.js';
import type { MergeConflict, ModelStatus } from '../engines/reconcile/types.js';

export const MODEL_STATUSES: readonly ModelStatus[] = ['in-sync', 'behind', 'ahead', 'diverged', 'conflict', 'new', 'removed'];

export interface ReconcileJson {
  models: {
    id: string;
    upstream: { version: string | null };
    forks: { fork: string; version: string | null; status: ModelStatus; conflicts: { path: string; base: unknown; ours: unknown; theirs: unknown }[] }[];
  }[];
  summary: Record<ModelStatus, number>;
  findings: Finding[];
}

export function buildReconcileJson(report: ReconcileReport): ReconcileJson {
  return {
    models: report.models.map((m) => ({
      id: m.id,
      upstream: { version: m.upstream?.version ?? null },
      forks: m.forks.map((f) => ({
        fork: f.fork,
        version: f.metadata?.version ?? null,
        status: f.verdict.status,
        conflicts: f.verdict.conflicts.map(conflictJson),
      })),
    })),
    summary: countStatuses(report),
    findings: report.findings,
  };
}

export function renderReconcileJson(report: ReconcileReport): string {
  return `${JSON.stringify(buildReconcileJson(report), null, 2)}\n`;
}

/** Every status present, zero or not, so scripts can read any count without a default. */
export function countStatuses(report: ReconcileReport): Record<ModelStatus, number> {
  const counts = Object.fromEntries(MODEL_STATUSES.map((s) => [s, 0])) as Record<ModelStatus, number>;
  for (const m of report.models) for (const f of m.forks) counts[f.verdict.status]++;
  return counts;
}

function conflictJson(c: MergeConflict): ReconcileJson['models'][number]['forks'][number]['conflicts'][number] {
  return { path: c.path, base: c.base ?? null, ours: c.ours ?? null, theirs: c.theirs ?? null };
}

/** What a maintainer must decide by hand: the same version twice, or edits the merge cannot combine. */
export function hasConflict(report: ReconcileReport): boolean {
  return report.models.some((m) => m.forks.some((f) => f.verdict.status === 'conflict' || (f.verdict.status === 'diverged' && f.verdict.conflicts.length > 0)));
}
