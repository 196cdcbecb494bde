/**
 * The one reconcile issue per repository, edited in place. The store's number is tried first; if
 * that issue was closed, deleted or is not Steward's, the open issue carrying RECONCILE_MARKER is
 * found again (so a forgetful store never makes a second one), else a new issue is opened.
 */
import type { GitHubClient } from '../github-client.js';
import { restCall, statusOf } from '../rest-call.js';
import type { IssuePublication, Publication, RepoRef } from '../../reconcile-port.js';
import { RECONCILE_MARKER } from '../../../report/reconcile-markdown.js';
import { pacedCall } from './paced-call.js';
import type { WritePacer } from './write-pacer.js';

interface IssueData {
  number: number;
  state: string;
  title: string;
  body?: string | null;
  pull_request?: unknown;
}

export async function publishIssue(client: GitHubClient, pacer: WritePacer, repo: RepoRef, issue: IssuePublication): Promise<Publication> {
  const target = (issue.known !== null ? await readKnownIssue(client, repo, issue.known) : null) ?? await findMarkedIssue(client, repo);
  if (!target) {
    const { data } = await pacedCall(client, pacer, 'POST /repos/{owner}/{repo}/issues', { ...repoParams(repo), title: issue.title, body: issue.body });
    return { number: (data as IssueData).number, state: 'created' };
  }
  if (target.title === issue.title && (target.body ?? '') === issue.body) return { number: target.number, state: 'unchanged' };
  await pacedCall(client, pacer, 'PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    ...repoParams(repo), issue_number: target.number, title: issue.title, body: issue.body,
  });
  return { number: target.number, state: 'updated' };
}

function isOurs(issue: IssueData): boolean {
  return issue.state === 'open' && issue.pull_request === undefined && (issue.body ?? '').includes(RECONCILE_MARKER);
}

/** The remembered issue if it is still open and Steward's; null when closed, gone (404/410) or someone else's. */
async function readKnownIssue(client: GitHubClient, repo: RepoRef, number: number): Promise<IssueData | null> {
  try {
    const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/issues/{issue_number}', { ...repoParams(repo), issue_number: number });
    return isOurs(data as IssueData) ? (data as IssueData) : null;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 410) return null;
    throw error;
  }
}

/** The newest 100 open issues are enough: the reconcile issue stays open and is edited, not re-filed. */
async function findMarkedIssue(client: GitHubClient, repo: RepoRef): Promise<IssueData | null> {
  const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/issues', { ...repoParams(repo), state: 'open', per_page: 100 });
  return (data as IssueData[]).find((candidate) => isOurs(candidate)) ?? null;
}

function repoParams(repo: RepoRef): { owner: string; repo: string } {
  return { owner: repo.owner, repo: repo.repo };
}
