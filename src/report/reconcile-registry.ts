/**
 * `registry.json` (schema: src/engines/reconcile/registry-schema.ts): deterministic, so that an
 * unchanged network writes the same bytes and the upstream pull request is not churned.
 */
import type { ForkModel, ModelReport, ReconcileReport } from '../engines/reconcile/report-types.js';
import { REGISTRY_SCHEMA_URL } from '../engines/reconcile/registry-schema.js';
import type { ModelMetadata } from '../engines/reconcile/types.js';
import { compareText, rankCandidates } from './reconcile-candidates.js';

export interface RegistrySource { repository: string; version: string | null; status: string }

export interface RegistryModel {
  id: string;
  version: string | null;
  contentHash: string;
  checksums: { key: string; algorithm: 'sha256'; value: string }[];
  baseModels: string[];
  baseModelRelation: string | null;
  sources: RegistrySource[];
}

export interface Registry {
  $schema: string;
  generated: { by: 'steward'; upstream: string };
  models: RegistryModel[];
}

export function buildRegistry(report: ReconcileReport): Registry {
  const leaders = leadingForks(report);
  const models = [...report.models]
    .sort((a, b) => compareText(a.id, b.id))
    .flatMap((m) => {
      const lead = m.upstream ?? leaders.get(m.id) ?? m.forks.find((f) => f.metadata)?.metadata ?? null;
      return lead ? [entryOf(m, lead, report.upstream.name)] : [];
    });
  return { $schema: REGISTRY_SCHEMA_URL, generated: { by: 'steward', upstream: report.upstream.name }, models };
}

export function renderRegistry(report: ReconcileReport): string {
  return `${JSON.stringify(buildRegistry(report), null, 2)}\n`;
}

/** For a model only in forks: the metadata of the best-ranked fork (newest version, most agreement). */
function leadingForks(report: ReconcileReport): Map<string, ModelMetadata> {
  const onlyInForks: ReconcileReport = {
    ...report,
    models: report.models.filter((m) => !m.upstream).map((m) => ({
      ...m,
      forks: m.forks.map((f) => ({ ...f, verdict: { ...f.verdict, status: f.metadata ? 'ahead' : f.verdict.status } })),
    })),
  };
  const leaders = new Map<string, ModelMetadata>();
  for (const c of rankCandidates(onlyInForks)) {
    if (leaders.has(c.model)) continue;
    const m = onlyInForks.models.find((x) => x.id === c.model)!;
    leaders.set(c.model, m.forks.find((f) => f.fork === c.forks[0] && f.metadata)!.metadata!);
  }
  return leaders;
}

function entryOf(m: ModelReport, lead: ModelMetadata, upstream: string): RegistryModel {
  const forks = m.forks.filter((f): f is ForkModel & { metadata: ModelMetadata } => f.metadata !== null)
    .sort((a, b) => compareText(a.fork, b.fork))
    .map((f) => ({ repository: f.fork, version: f.metadata.version, status: f.verdict.status }));
  const sources = [...(m.upstream ? [{ repository: upstream, version: m.upstream.version, status: 'upstream' }] : []), ...forks];
  return {
    id: m.id,
    version: lead.version,
    contentHash: lead.contentHash,
    checksums: [...lead.checksums].sort((a, b) => compareText(a.key, b.key)).map((c) => ({ key: c.key, algorithm: c.algorithm, value: c.value.toLowerCase() })),
    baseModels: [...lead.baseModels],
    baseModelRelation: lead.baseModelRelation,
    sources,
  };
}
