/** The pages read so far of one pull request, and what the next follow-up query must ask for. */
import type { PullRequest, Truncation } from '../port.js';
import type { GqlCommits, GqlFiles, PageAnswer, GqlBlob } from './graphql-types.js';
import type { GraphqlErrorEntry } from './run-graphql.js';
import { mapCommit } from './map-commit.js';
import { mapFile, mayBePointer, withBlob } from './map-file.js';
import { buildPageQuery, type SizeLookup } from './page-query.js';

/** GitHub lists at most 3,000 files of a pull request (REST and GraphQL alike). */
export const GITHUB_FILE_CAP = 3000;

interface PendingSize extends SizeLookup { index: number }

export interface PlannedPage {
  query: string;
  usesNumber: boolean;
  sizes: PendingSize[];
}

export class PageState {
  private commitsCursor: string | null = null;
  private filesCursor: string | null = null;
  private filesEnded = false;
  private pending: PendingSize[] = [];

  constructor(readonly pr: PullRequest, private readonly maxCommits: number, private readonly tolerated: GraphqlErrorEntry[]) {}

  addCommits(page: GqlCommits | undefined): void {
    if (!page) return;
    for (const node of page.nodes ?? []) if (node) this.pr.commits.push(mapCommit(node.commit));
    this.commitsCursor = page.pageInfo.hasNextPage && this.pr.commits.length < this.maxCommits ? page.pageInfo.endCursor : null;
  }

  addFiles(page: GqlFiles | null | undefined): void {
    if (!page) {
      this.filesCursor = null;
      this.filesEnded = true;
      return;
    }
    for (const node of page.nodes ?? []) {
      if (!node) continue;
      const index = this.pr.files.push(mapFile(node)) - 1;
      if (node.changeType !== 'DELETED') this.pending.push({ index, alias: `s${this.pending.length}`, path: node.path, withText: mayBePointer(node) });
    }
    this.filesCursor = page.pageInfo.hasNextPage && this.pr.files.length < GITHUB_FILE_CAP ? page.pageInfo.endCursor : null;
  }

  hasMoreWork(): boolean {
    return this.commitsCursor !== null || this.filesCursor !== null || this.pending.length > 0;
  }

  nextPage(withHead: boolean, appId: number | null): PlannedPage {
    const sizes = this.pending;
    this.pending = [];
    const query = buildPageQuery({
      commitsAfter: this.commitsCursor, filesAfter: this.filesCursor, sizes, headSha: this.pr.headSha, withHead, appId,
    });
    return { query, usesNumber: this.commitsCursor !== null || this.filesCursor !== null, sizes };
  }

  apply(answer: PageAnswer, page: PlannedPage): void {
    const repository = answer.repository ?? {};
    for (const size of page.sizes) {
      const file = this.pr.files[size.index];
      if (file) this.pr.files[size.index] = withBlob(file, repository[size.alias] as GqlBlob | null | undefined, size.withText);
    }
    const pullRequest = repository.pullRequest;
    if (this.commitsCursor !== null) this.addCommits(pullRequest?.commits ?? undefined);
    if (this.filesCursor !== null) this.addFiles(pullRequest?.files);
  }

  /** Says plainly what GitHub's caps or an early end kept Steward from reading. */
  finish(changedFiles: number, commitTotal: number): void {
    this.pr.truncated = {
      files: this.fileTruncation(changedFiles),
      commits: this.commitTruncation(commitTotal),
    };
  }

  private fileTruncation(total: number): Truncation | null {
    const seen = this.pr.files.length;
    if (seen >= total) return null;
    if (total > GITHUB_FILE_CAP && seen >= GITHUB_FILE_CAP) {
      return { seen, total, reason: `GitHub lists at most ${GITHUB_FILE_CAP.toLocaleString('en-US')} files of a pull request` };
    }
    const refused = this.tolerated.find((e) => e.path?.includes('files'));
    if (refused || this.filesEnded) return { seen, total, reason: `GitHub did not list the files${refused?.message ? `: ${refused.message}` : ''}` };
    return { seen, total, reason: 'GitHub ended the file list early' };
  }

  private commitTruncation(total: number): Truncation | null {
    const seen = this.pr.commits.length;
    if (seen >= total) return null;
    if (seen >= this.maxCommits) return { seen, total, reason: `Steward reads at most ${this.maxCommits.toLocaleString('en-US')} commits of a pull request` };
    return { seen, total, reason: 'GitHub ended the commit list early' };
  }
}
