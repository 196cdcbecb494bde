/** The ReconcilePublisher on GitHub's REST API; every write goes through one pacer (shared across repositories when passed in). */
import type { GitHubClient } from '../github-client.js';
import type { ReconcilePublisher } from '../../reconcile-port.js';
import { proposeFiles } from './propose-files.js';
import { publishIssue } from './publish-issue.js';
import { createWritePacer, type WritePacer } from './write-pacer.js';

export function createGitHubPublisher(client: GitHubClient, options: { pacer?: WritePacer } = {}): ReconcilePublisher {
  const pacer = options.pacer ?? createWritePacer();
  return {
    publishIssue: (repo, issue) => publishIssue(client, pacer, repo, issue),
    proposeFiles: (repo, proposal) => proposeFiles(client, pacer, repo, proposal),
  };
}

export { createWritePacer, GitHubRateLimitError, type WritePacer, type WritePacerOptions } from './write-pacer.js';
export { findInstallation } from './find-installation.js';
export { gitBlobSha } from './git-blobs.js';
export { proposalTrailer } from './write-proposal.js';
