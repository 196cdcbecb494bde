/**
 * What the reconcile renderers (src/report/reconcile-*.ts) take: the fork network and every model's
 * verdict in every fork. The workflows (local and App) assemble it; the renderers only draw it.
 */
import type { Finding } from '../findings.js';
import type { ForkVerdict, ModelMetadata } from './types.js';

/** One repository of the network other than upstream. */
export interface ForkNode {
  /** The remote's name locally, `owner/repo` on GitHub. */
  name: string;
  /** The repository it was forked from: upstream's name or another fork's; null when unknown (e.g. a local remote). */
  parent: string | null;
  /** Why it was not read (private, deleted, unreadable); null when it was read. */
  skipped: string | null;
}

export interface ForkModel {
  fork: string;
  /** The model's metadata in that fork; null when the fork does not hold it (`removed`). */
  metadata: ModelMetadata | null;
  verdict: ForkVerdict;
}

export interface ModelReport {
  id: string;
  /** Upstream's metadata; null when the model is only in forks (`new`). */
  upstream: ModelMetadata | null;
  forks: ForkModel[];
}

export interface ReconcileReport {
  upstream: { name: string; ref: string | null };
  forks: ForkNode[];
  models: ModelReport[];
  /** check "reconcile" (unreadable metadata, lineage cycles from buildLineage…), for every output. */
  findings: Finding[];
}
