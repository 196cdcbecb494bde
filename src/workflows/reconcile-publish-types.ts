/**
 * What the App's (and the scheduled Action's) reconcile run needs besides the reader: the writes
 * (ReconcilePublisher), a ledger of what it published (the store, structurally), and publishers
 * acting on forks where the App is installed.
 */
import type { ReconcilePublisher, RepoRef } from '../platform/reconcile-port.js';
import type { ReconcileReader } from './reconcile-types.js';
import type { ReconcileSettings } from './reconcile-options.js';

/** One published thing, as the store keeps it (ReconcileOutput). */
export interface LedgerEntry {
  repoKey: string;
  kind: string;
  number: number;
  contentHash: string | null;
  updatedAt: string;
}

export interface OutputLedger {
  findReconcileOutput(repoKey: string, kind: string): Promise<LedgerEntry | null>;
  saveReconcileOutput(entry: LedgerEntry): Promise<void>;
}

export interface ReconcilePublishDeps {
  reader: ReconcileReader;
  publisher: ReconcilePublisher;
  ledger: OutputLedger;
  /** A publisher acting on the fork ("owner/repo") through the App's installation there; null when not installed. */
  forkPublisher(fork: string): Promise<ReconcilePublisher | null>;
  now(): Date;
  onProgress?: (message: string) => void;
}

export interface ReconcilePublishRequest {
  repo: RepoRef;
  /** With `forkPullRequests`: propose upstream's metadata to forks that are behind. */
  settings: ReconcileSettings;
  /** Which outputs to write: the Action may only want the report. */
  publish: { issue: boolean; registry: boolean };
}

export interface ForkPullResult {
  fork: string;
  number: number | null;
  state: 'unchanged' | 'created' | 'updated' | 'not-installed' | 'deferred' | 'failed';
  /** For 'failed' and 'not-installed': what happened, for the report. */
  note?: string;
}

export interface ReconcilePublishSummary {
  /** One line for a reply or a log: what was reconciled and where it is. */
  message: string;
  issue: number | null;
  registryPull: number | null;
  forkPulls: ForkPullResult[];
}

/** Keys of the ledger: one issue, one registry pull request, one pull request per fork. */
export const LEDGER_ISSUE = 'issue';
export const LEDGER_REGISTRY = 'registry-pr';
export const ledgerForkKind = (fork: string): string => `fork-pr:${fork.toLowerCase()}`;
export const REGISTRY_PATH = 'registry.json';
export const REGISTRY_BRANCH = 'steward/registry';
export const SYNC_BRANCH = 'steward/sync-metadata';
/** Content-creating requests are paced at 80 a minute; a few forks per run keep a run short. */
export const FORK_PULLS_PER_RUN = 10;
