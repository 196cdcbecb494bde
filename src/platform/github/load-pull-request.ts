/**
 * Reads a pull request in as few GraphQL requests as GitHub's page sizes allow: one for a typical
 * PR's data, config and existing check; then one per further page of 100 commits and/or files,
 * each carrying the blob sizes of the previous page's files; then one for the last page's sizes.
 */
import type { PullRequestRef, PullRequestSnapshot } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { GitHubError } from './github-error.js';
import type { PageAnswer, PullRequestAnswer } from './graphql-types.js';
import { mapExistingCheck, mapConfig, mapPullRequestHeader, type FoundCheck } from './map-pull-request.js';
import { buildPullRequestQuery } from './pull-request-query.js';
import { runGraphql, type GraphqlErrorEntry } from './run-graphql.js';
import { PageState } from './page-state.js';

export interface LoadOptions {
  appId: number | null;
  maxCommits: number;
}

export interface LoadedPullRequest {
  snapshot: PullRequestSnapshot;
  found: FoundCheck | null;
}

export async function loadPullRequest(
  client: GitHubClient, ref: PullRequestRef, checkName: string, options: LoadOptions,
): Promise<LoadedPullRequest> {
  const headSha = ref.headSha ?? null;
  const query = buildPullRequestQuery({ configRef: ref.defaultBranch ?? 'HEAD', headSha, appId: options.appId });
  const variables = { owner: ref.owner, name: ref.repo, number: ref.number, ...(headSha ? { checkName } : {}) };
  const tolerated: GraphqlErrorEntry[] = [];
  const answer = await runGraphql<PullRequestAnswer>(client, 'StewardPullRequest', query, variables, tolerating(tolerated));
  const repository = answer.repository;
  const pr = repository?.pullRequest;
  if (!repository || !pr) throw notFound(ref);

  const state = new PageState(mapPullRequestHeader(pr, repository), options.maxCommits, tolerated);
  state.addCommits(pr.commits);
  state.addFiles(pr.files);
  // A re-run or check-suite event may name a commit the PR has since moved past: read the
  // existing check and .gitattributes at the PR's real head instead.
  const headKnown = headSha !== null && state.pr.headSha === headSha;
  let found = headKnown ? mapExistingCheck(repository.headCommit) : null;
  if (headKnown) state.pr.gitattributes = repository.gitattributes?.text ?? null;

  let needHead = !headKnown;
  while (state.hasMoreWork() || needHead) {
    const page = state.nextPage(needHead, options.appId);
    const pageVariables = { owner: ref.owner, name: ref.repo, ...(page.usesNumber ? { number: ref.number } : {}), ...(needHead ? { checkName } : {}) };
    const data = await runGraphql<PageAnswer>(client, 'StewardPullRequestPage', page.query, pageVariables, tolerating(tolerated));
    state.apply(data, page);
    if (needHead) {
      found = mapExistingCheck(data.repository?.headCommit);
      state.pr.gitattributes = data.repository?.gitattributes?.text ?? null;
      needHead = false;
    }
  }
  state.finish(pr.changedFiles, pr.commits.totalCount);
  return { snapshot: { pr: state.pr, config: mapConfig(answer, ref), existingCheck: found?.check ?? null }, found };
}

/**
 * Partial answers worth keeping: a missing org `.github` repository or blob (NOT_FOUND outside the
 * pull request), and a file list GitHub refuses to build (reported as a truncation, never hidden).
 */
function tolerating(record: GraphqlErrorEntry[]) {
  return (error: GraphqlErrorEntry): boolean => {
    const path = error.path ?? [];
    const ok = (error.type === 'NOT_FOUND' && !path.includes('pullRequest')) || path.includes('files');
    if (ok) record.push(error);
    return ok;
  };
}

function notFound(ref: PullRequestRef): GitHubError {
  return new GitHubError({
    status: 404, operation: `GraphQL StewardPullRequest for ${ref.owner}/${ref.repo}#${ref.number}`, requestId: null,
    rateLimitReset: null, retryable: false,
    detail: 'the pull request was not found, or the Steward App is not installed on this repository',
  });
}

