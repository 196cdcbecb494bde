/** What a worker hands each delivery handler. */
import type { Logger, Probot } from 'probot';
import type { RepoReader, RepoWriter } from '../../platform/port.js';
import type { DeliveryRecord, Store } from '../../store/types.js';

/** An installation-authenticated Octokit, as `probot.auth(installationId)` returns it. */
export type GitHubClient = Awaited<ReturnType<Probot['auth']>>;

export type Platform = RepoReader & RepoWriter;

export interface WorkContext {
  delivery: DeliveryRecord;
  /** For the few lookups the port does not cover (permissions, PRs of a commit). */
  github: GitHubClient;
  platform: Platform;
  store: Store;
  log: Logger;
  now: () => Date;
  checkName: string;
  appId: number | null;
}

export type DeliveryHandler = (payload: unknown, ctx: WorkContext) => Promise<void>;
