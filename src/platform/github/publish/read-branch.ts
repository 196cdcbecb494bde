/** A branch's head: its commit, that commit's tree and message (the message says whether Steward made it). */
import type { GitHubClient } from '../github-client.js';
import { restCall, statusOf } from '../rest-call.js';
import type { RepoRef } from '../../reconcile-port.js';

export interface BranchHead {
  name: string;
  sha: string;
  treeSha: string;
  message: string;
}

/** One GET of the branch (GitHub accepts the name's "/" percent-encoded); null when there is no branch of that name. */
export async function readBranchHead(client: GitHubClient, repo: RepoRef, branch: string): Promise<BranchHead | null> {
  try {
    const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/branches/{branch}', { owner: repo.owner, repo: repo.repo, branch });
    const head = data as { name: string; commit: { sha: string; commit: { message: string; tree: { sha: string } } } };
    // GitHub answers a renamed branch's old name with the new branch: the old name is free.
    if (head.name !== branch) return null;
    return { name: head.name, sha: head.commit.sha, treeSha: head.commit.commit.tree.sha, message: head.commit.commit.message };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

export async function readDefaultBranch(client: GitHubClient, repo: RepoRef): Promise<string> {
  const { data } = await restCall(client, 'GET /repos/{owner}/{repo}', { owner: repo.owner, repo: repo.repo });
  return (data as { default_branch: string }).default_branch;
}
