/**
 * The merge base of upstream's default branch and a fork's, from REST compare on upstream with
 * `<base>...<forkOwner>:<forkBranch>` (research §3.4; GraphQL has no merge-base field). per_page 1:
 * only `merge_base_commit` is used, not the commit list. 404 is "no common ancestor".
 */
import type { GitHubClient } from '../github-client.js';
import { restCall, statusOf } from '../rest-call.js';

export interface CompareSide {
  owner: string;
  branch: string;
}

export async function readMergeBase(client: GitHubClient, upstream: { owner: string; repo: string; branch: string }, fork: CompareSide): Promise<string | null> {
  const basehead = `${upstream.branch}...${fork.owner}:${fork.branch}`;
  try {
    const response = await restCall(client, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner: upstream.owner, repo: upstream.repo, basehead, per_page: 1 });
    return (response.data as { merge_base_commit?: { sha?: string } }).merge_base_commit?.sha ?? null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}
