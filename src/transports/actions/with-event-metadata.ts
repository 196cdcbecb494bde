/**
 * git has no title, labels, draft flag or author association: the event payload has them.
 * This wraps a local reader so the pull request it loads carries the payload's values. Without a
 * pull request (push, merge group) there is no title, description or labels, and the rules that
 * read them are skipped rather than run on a stand-in.
 */
import type { PullRequest, RepoReader } from '../../platform/port.js';
import type { EventPullRequest } from './read-event.js';

export function withEventMetadata(reader: RepoReader, event: EventPullRequest | null): RepoReader {
  return {
    capabilities: reader.capabilities,
    readFile: (repository, path, ref) => reader.readFile(repository, path, ref),
    isOrgMember: (org, login) => reader.isOrgMember(org, login),
    permissionOf: (repo, login) => reader.permissionOf(repo, login),
    pullRequestsForCommit: (repo, sha) => reader.pullRequestsForCommit(repo, sha),
    pullRequestHead: (repo, number) => reader.pullRequestHead(repo, number),
    async loadPullRequest(ref, checkName) {
      const snapshot = await reader.loadPullRequest(ref, checkName);
      const known = event ? { title: true, body: true, labels: true } : { title: false, body: false, labels: false };
      return { ...snapshot, pr: { ...snapshot.pr, ...(event ? fromEvent(event) : {}), known } };
    },
  };
}

function fromEvent(event: EventPullRequest): Partial<PullRequest> {
  const { number, title, body, labels, draft, author, headRef, baseRef } = event;
  return { number, title, body, labels, draft, author, headRef, baseRef };
}
