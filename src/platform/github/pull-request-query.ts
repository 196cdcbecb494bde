/**
 * The first read of a pull request: the PR with its first 100 commits and files, repository
 * settings, the repository's and the organisation's `.github/steward.yml`, and (when the head
 * SHA is known from the webhook) `.gitattributes` and Steward's existing check run at that SHA.
 */
import { COMMITS_SELECTION, FILES_SELECTION, PAGE_SIZE, literal } from './query-fragments.js';

export const CONFIG_PATH = '.github/steward.yml';

export interface PullRequestQueryInput {
  /** Branch to read config from; "HEAD" (the default branch) when unknown. */
  configRef: string;
  headSha: string | null;
  appId: number | null;
}

/** `.gitattributes` and the existing check at a head SHA; also used by the follow-up when the SHA was unknown. */
export function headSelection(headSha: string, appId: number | null): string {
  const suiteFilter = appId === null ? '' : `, filterBy: { appId: ${appId} }`;
  return `gitattributes: object(expression: ${literal(`${headSha}:.gitattributes`)}) { ... on Blob { text } }
    headCommit: object(oid: ${literal(headSha)}) {
      ... on Commit {
        checkSuites(first: 10${suiteFilter}) {
          nodes { checkRuns(last: 1, filterBy: { checkName: $checkName }) { nodes { databaseId status summary annotations { totalCount } } } }
        }
      }
    }`;
}

export function buildPullRequestQuery(input: PullRequestQueryInput): string {
  const head = input.headSha ? headSelection(input.headSha, input.appId) : '';
  const checkVariable = input.headSha ? ', $checkName: String!' : '';
  return `query StewardPullRequest($owner: String!, $name: String!, $number: Int!${checkVariable}) {
  repository(owner: $owner, name: $name) {
    squashMergeAllowed mergeCommitAllowed rebaseMergeAllowed squashMergeCommitTitle
    defaultBranchRef { name }
    config: object(expression: ${literal(`${input.configRef}:${CONFIG_PATH}`)}) { ... on Blob { text } }
    ${head}
    pullRequest(number: $number) {
      number title body isDraft changedFiles
      author { login __typename }
      authorAssociation
      labels(first: ${PAGE_SIZE}) { nodes { name } }
      baseRefName headRefName baseRefOid headRefOid
      closingIssuesReferences { totalCount }
      commits(first: ${PAGE_SIZE}) {
        ${COMMITS_SELECTION}
      }
      files(first: ${PAGE_SIZE}) {
        ${FILES_SELECTION}
      }
    }
  }
  organization: repository(owner: $owner, name: ".github") {
    config: object(expression: ${literal(`HEAD:${CONFIG_PATH}`)}) { ... on Blob { text } }
  }
}`;
}
