/**
 * One pull request from Steward's branch to the default branch, opened once and then updated:
 * nothing is written when the default branch already holds the files, or when the open pull
 * request's branch does. A branch of that name Steward did not make is refused, never overwritten.
 */
import type { GitHubClient } from '../github-client.js';
import { restCall } from '../rest-call.js';
import type { FileProposal, Publication, RepoRef } from '../../reconcile-port.js';
import { holdsFiles, readTreeEntries } from './git-blobs.js';
import { pacedCall } from './paced-call.js';
import { readBranchHead, readDefaultBranch } from './read-branch.js';
import { isStewardHead, proposalTrailer, writeProposalCommit } from './write-proposal.js';
import type { WritePacer } from './write-pacer.js';

interface PullData {
  number: number;
  title: string;
  body: string | null;
}

export async function proposeFiles(client: GitHubClient, pacer: WritePacer, repo: RepoRef, proposal: FileProposal): Promise<Publication> {
  const paths = proposal.files.map((f) => f.path);
  const defaultName = await readDefaultBranch(client, repo);
  const head = await readBranchHead(client, repo, defaultName);
  if (!head) throw new Error(`${repo.owner}/${repo.repo} has no branch "${defaultName}" to propose files to; push a first commit to the default branch.`);
  if (proposal.branch === defaultName) throw new Error(`Steward will not propose files on ${repo.owner}/${repo.repo}'s default branch "${defaultName}"; configure another branch name.`);
  const entries = await readTreeEntries(client, repo, head, paths);
  if (holdsFiles(entries, proposal.files)) return { number: null, state: 'unchanged' };

  const pull = await findOpenPull(client, repo, proposal.branch);
  const branch = await readBranchHead(client, repo, proposal.branch);
  if (branch && !isStewardHead(branch, proposal.branch)) throw foreignBranch(repo, proposal.branch);
  if (pull && branch && holdsFiles(await readTreeEntries(client, repo, branch, paths), proposal.files)) {
    return { number: pull.number, state: await editPull(client, pacer, repo, pull, proposal) ? 'updated' : 'unchanged' };
  }
  await writeProposalCommit(client, pacer, repo, proposal, { head, entries }, branch !== null);
  if (pull) {
    await editPull(client, pacer, repo, pull, proposal);
    return { number: pull.number, state: 'updated' };
  }
  const { data } = await pacedCall(client, pacer, 'POST /repos/{owner}/{repo}/pulls', {
    owner: repo.owner, repo: repo.repo, title: proposal.title, body: proposal.body, head: proposal.branch, base: defaultName,
  });
  return { number: (data as PullData).number, state: 'created' };
}

/** The open pull request from `owner:branch` (this repository's branch, not a fork's of the same name). */
async function findOpenPull(client: GitHubClient, repo: RepoRef, branch: string): Promise<PullData | null> {
  const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/pulls', {
    owner: repo.owner, repo: repo.repo, head: `${repo.owner}:${branch}`, state: 'open', per_page: 1,
  });
  return (data as PullData[])[0] ?? null;
}

/** Edits title and body only when they differ; true when it wrote. */
async function editPull(client: GitHubClient, pacer: WritePacer, repo: RepoRef, pull: PullData, proposal: FileProposal): Promise<boolean> {
  if (pull.title === proposal.title && (pull.body ?? '') === proposal.body) return false;
  await pacedCall(client, pacer, 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: repo.owner, repo: repo.repo, pull_number: pull.number, title: proposal.title, body: proposal.body,
  });
  return true;
}

function foreignBranch(repo: RepoRef, branch: string): Error {
  return new Error(
    `${repo.owner}/${repo.repo} already has a branch "${branch}" that Steward did not make (its head commit lacks the ` +
    `"${proposalTrailer(branch)}" trailer), so Steward will not overwrite it. Delete or rename that branch, ` +
    'or configure another proposal branch, then run Steward again.',
  );
}
