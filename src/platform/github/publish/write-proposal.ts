/**
 * The one commit Steward makes on its own branch, through the git data API (no clone, and the
 * commit is made by the App): a tree on top of the default branch's tree, a commit whose parent is
 * the default head, then the branch moved to it. Only Steward's branch is ever moved, and only
 * after the caller checked its head carries the trailer below.
 */
import type { GitHubClient } from '../github-client.js';
import type { FileProposal, RepoRef } from '../../reconcile-port.js';
import type { TreeEntry } from './git-blobs.js';
import { pacedCall } from './paced-call.js';
import type { BranchHead } from './read-branch.js';
import type { WritePacer } from './write-pacer.js';

/** The trailer that marks a branch head as Steward's: a branch without it is someone's work and never overwritten. */
export function proposalTrailer(branch: string): string {
  return `Steward-Proposal: ${branch}`;
}

export function isStewardHead(head: BranchHead, branch: string): boolean {
  return head.message.split('\n').some((line) => line.trim() === proposalTrailer(branch));
}

export interface ProposalBase {
  /** The default branch head the commit goes on top of. */
  head: BranchHead;
  /** The default tree's entries at the proposed paths (their modes are kept). */
  entries: Map<string, TreeEntry>;
}

/** Three writes: tree, commit, and the branch ref (moved with force, or created). Returns the commit sha. */
export async function writeProposalCommit(
  client: GitHubClient, pacer: WritePacer, repo: RepoRef, proposal: FileProposal, base: ProposalBase, branchExists: boolean,
): Promise<string> {
  const params = { owner: repo.owner, repo: repo.repo };
  const tree = proposal.files.map((file) => ({ path: file.path, mode: keptMode(base.entries.get(file.path)), type: 'blob', content: file.content }));
  const made = await pacedCall(client, pacer, 'POST /repos/{owner}/{repo}/git/trees', { ...params, base_tree: base.head.treeSha, tree });
  const message = `${proposal.message.trimEnd()}\n\n${proposalTrailer(proposal.branch)}\n`;
  const commit = await pacedCall(client, pacer, 'POST /repos/{owner}/{repo}/git/commits', {
    ...params, message, tree: (made.data as { sha: string }).sha, parents: [base.head.sha],
  });
  const sha = (commit.data as { sha: string }).sha;
  if (branchExists) {
    await pacedCall(client, pacer, 'PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...params, ref: `heads/${proposal.branch}`, sha, force: true });
  } else {
    await pacedCall(client, pacer, 'POST /repos/{owner}/{repo}/git/refs', { ...params, ref: `refs/heads/${proposal.branch}`, sha });
  }
  return sha;
}

/** An executable file stays executable; anything else (new files, symlinks replaced by text) is a plain file. */
function keptMode(entry: TreeEntry | undefined): string {
  return entry?.mode === '100755' ? '100755' : '100644';
}
