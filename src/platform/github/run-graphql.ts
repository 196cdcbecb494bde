/**
 * One GraphQL read. GitHub answers a query that touches a missing repository (the org `.github`
 * repository often does not exist) with partial data plus NOT_FOUND errors; @octokit/graphql throws
 * those as GraphqlResponseError carrying `.data`. Errors the caller tolerates give that data back.
 */
import type { GitHubClient } from './github-client.js';
import { toGitHubError } from './to-github-error.js';

export interface GraphqlErrorEntry {
  type?: string;
  message?: string;
  path?: (string | number)[];
}

export type Tolerate = (error: GraphqlErrorEntry) => boolean;

/** NOT_FOUND anywhere but the pull request itself: optional parts (org fallback, files) that may be absent. */
export const tolerateMissing: Tolerate = (error) => error.type === 'NOT_FOUND' && !error.path?.includes('pullRequest');

export async function runGraphql<T>(
  client: GitHubClient, name: string, query: string, variables: Record<string, unknown>, tolerate: Tolerate = tolerateMissing,
): Promise<T> {
  try {
    return (await client.graphql(query, variables)) as T;
  } catch (error) {
    const e = error as { name?: string; data?: unknown; errors?: GraphqlErrorEntry[] };
    if (e?.name === 'GraphqlResponseError' && e.data && (e.errors ?? []).every(tolerate)) return e.data as T;
    throw toGitHubError(error, `GraphQL ${name}`);
  }
}
