/** Selections shared by the first pull-request query and the follow-up page queries. */

export const PAGE_SIZE = 100;

export const COMMITS_SELECTION = `totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          commit {
            oid
            message
            author { name email user { login } }
            committer { name email user { login } }
            parents { totalCount }
            signature { isValid }
          }
        }`;

export const FILES_SELECTION = `totalCount
        pageInfo { hasNextPage endCursor }
        nodes { path additions deletions changeType }`;

/** A GraphQL string literal; JSON's escaping is valid GraphQL for any path. */
export function literal(text: string): string {
  return JSON.stringify(text);
}
