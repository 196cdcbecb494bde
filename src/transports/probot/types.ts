/** What a worker hands each delivery handler. */
import type { Logger, Probot } from 'probot';
import type { EvalPlatform, FileReader, RepoReader, RepoWriter, ReviewWriter } from '../../platform/port.js';
import type { DeliveryRecord, Store } from '../../store/types.js';

/** An installation-authenticated Octokit, as `probot.auth(installationId)` returns it. */
export type GitHubClient = Awaited<ReturnType<Probot['auth']>>;

export type Platform = RepoReader & RepoWriter & FileReader & ReviewWriter & EvalPlatform;

export interface WorkContext {
  delivery: DeliveryRecord;
  /** Every GitHub read and write of a handler goes through it (the GitHub adapter). */
  platform: Platform;
  store: Store;
  log: Logger;
  now: () => Date;
  checkName: string;
  appId: number | null;
  /** The platform of another installation (evaluation pools shared across organisations). */
  platformFor(installationId: number): Promise<Platform>;
  /** The installation's own client, for adapters beyond the platform (fork reconciliation). */
  client: GitHubClient;
  /** The client of another installation (a fork where Steward is installed). */
  clientFor(installationId: number): Promise<GitHubClient>;
  /** The App's own client (JWT): finds installations on other repositories; null when unknown (tests). */
  appClient(): Promise<GitHubClient | null>;
}

export type DeliveryHandler = (payload: unknown, ctx: WorkContext) => Promise<void>;
