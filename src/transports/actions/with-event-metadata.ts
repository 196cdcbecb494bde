/**
 * git has no title, labels, draft flag or author association: the event payload has them.
 * This wraps a local reader so the pull request it loads carries the payload's values.
 * Without a pull request (push, merge group), the newest commit's header stands in for the title,
 * as it does for a one-commit range in the CLI: a branch name would fail title-conventional.
 */
import type { PullRequest, RepoReader } from '../../platform/port.js';
import type { EventPullRequest } from './read-event.js';

export function withEventMetadata(reader: RepoReader, event: EventPullRequest | null): RepoReader {
  return {
    capabilities: reader.capabilities,
    readFile: (repository, path, ref) => reader.readFile(repository, path, ref),
    isOrgMember: (org, login) => reader.isOrgMember(org, login),
    async loadPullRequest(ref, checkName) {
      const snapshot = await reader.loadPullRequest(ref, checkName);
      return { ...snapshot, pr: { ...snapshot.pr, ...(event ? fromEvent(event) : { title: newestHeader(snapshot.pr) }) } };
    },
  };
}

function fromEvent(event: EventPullRequest): Partial<PullRequest> {
  const { number, title, body, labels, draft, author, headRef, baseRef } = event;
  return { number, title, body, labels, draft, author, headRef, baseRef };
}

function newestHeader(pr: PullRequest): string {
  const newest = pr.commits[pr.commits.length - 1];
  return newest ? newest.message.split(/\r?\n/, 1)[0]! : pr.title;
}
