/** What the evaluation use-cases need: the platform of the event's installation, others' on demand, the store, a clock. */
import type { EvalPlatform, FileReader, PullRequestOrigin, RepoReader, RepoWriter } from '../../platform/port.js';

export type { PullRequestOrigin };
import type { Store } from '../../store/types.js';

export type EvalPlatformAll = RepoReader & RepoWriter & FileReader & EvalPlatform;



export interface EvalLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface EvalDeps {
  platform: EvalPlatformAll;
  installationId: number;
  /** The platform of another installation (a shared pool's queue holds runs of several). */
  platformFor(installationId: number): Promise<EvalPlatformAll>;
  store: Store;
  now(): Date;
  log: EvalLog;
  /** Random ids ("r…" runs, "d…" dispatches): [a-z0-9]. */
  newId(prefix: string): string;
}

export type RepoRef = { owner: string; repo: string };

export const repoKey = (r: RepoRef): string => `${r.owner}/${r.repo}`.toLowerCase();
