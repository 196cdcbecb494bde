/**
 * A follow-up read: the next page of commits and/or files, plus the blob sizes of the files of
 * the previous page (pipelined, so sizes never cost a read of their own until the last page),
 * plus `.gitattributes` and the existing check when the head SHA was not known up front.
 */
import { COMMITS_SELECTION, FILES_SELECTION, PAGE_SIZE, literal } from './query-fragments.js';
import { headSelection } from './pull-request-query.js';

export interface SizeLookup {
  /** Alias in the query: s0, s1, ... */
  alias: string;
  path: string;
  /** Also fetch the text, to tell a Git LFS pointer from a regular file. */
  withText: boolean;
}

export interface PageQueryInput {
  commitsAfter: string | null;
  filesAfter: string | null;
  sizes: SizeLookup[];
  /** The head SHA whose blobs are sized. */
  headSha: string;
  /** Read `.gitattributes` and the existing check at headSha in this query too. */
  withHead: boolean;
  appId: number | null;
}

export function buildPageQuery(input: PageQueryInput): string {
  const connections = [
    input.commitsAfter !== null ? `commits(first: ${PAGE_SIZE}, after: ${literal(input.commitsAfter)}) {\n        ${COMMITS_SELECTION}\n      }` : '',
    input.filesAfter !== null ? `files(first: ${PAGE_SIZE}, after: ${literal(input.filesAfter)}) {\n        ${FILES_SELECTION}\n      }` : '',
  ].filter(Boolean);
  const pullRequest = connections.length ? `pullRequest(number: $number) {\n      ${connections.join('\n      ')}\n    }` : '';
  const sizes = input.sizes.map((s) =>
    `${s.alias}: object(expression: ${literal(`${input.headSha}:${s.path}`)}) { ... on Blob { byteSize isBinary${s.withText ? ' text' : ''} } }`);
  const head = input.withHead ? headSelection(input.headSha, input.appId) : '';
  const variables = ['$owner: String!', '$name: String!', pullRequest ? '$number: Int!' : '', head ? '$checkName: String!' : '']
    .filter(Boolean).join(', ');
  return `query StewardPullRequestPage(${variables}) {
  repository(owner: $owner, name: $name) {
    ${pullRequest}
    ${sizes.join('\n    ')}
    ${head}
  }
}`;
}
