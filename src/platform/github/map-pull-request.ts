/** The first GraphQL answer -> our PullRequest (without pages), settings, config candidates and existing check. */
import type {
  AuthorAssociation, AuthorType, ConfigCandidates, ExistingCheck, PullRequest, PullRequestRef, RepositorySettings,
} from '../port.js';
import { CONFIG_PATH } from './pull-request-query.js';
import type { GqlBlob, GqlHeadCommit, GqlPullRequest, GqlRepository, PullRequestAnswer } from './graphql-types.js';
import { readCheckMarker } from './read-check-marker.js';

const ASSOCIATIONS = new Set<AuthorAssociation>([
  'OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR', 'MANNEQUIN', 'NONE',
]);

/** GraphQL gives a bot's login without the "[bot]" that webhooks, REST and users' configs carry. */
export function mapAuthor(author: GqlPullRequest['author']): { login: string; type: AuthorType } {
  if (!author) return { login: 'ghost', type: 'Unknown' };
  const type: AuthorType = author.__typename === 'Bot' ? 'Bot'
    : author.__typename === 'User' ? 'User' : author.__typename === 'Organization' ? 'Organization' : 'Unknown';
  const login = type === 'Bot' && !author.login.endsWith('[bot]') ? `${author.login}[bot]` : author.login;
  return { login, type };
}

export function mapSettings(repository: GqlRepository): RepositorySettings {
  const title = repository.squashMergeCommitTitle;
  return {
    defaultBranch: repository.defaultBranchRef?.name ?? 'main',
    squashMergeAllowed: repository.squashMergeAllowed,
    mergeCommitAllowed: repository.mergeCommitAllowed,
    rebaseMergeAllowed: repository.rebaseMergeAllowed,
    squashMergeCommitTitle: title === 'PR_TITLE' || title === 'COMMIT_OR_PR_TITLE' ? title : null,
  };
}

/** Everything but commits, files, truncation and .gitattributes, which the pages fill in. */
export function mapPullRequestHeader(pr: GqlPullRequest, repository: GqlRepository): PullRequest {
  const association = pr.authorAssociation as AuthorAssociation;
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? '',
    draft: pr.isDraft,
    author: { ...mapAuthor(pr.author), association: ASSOCIATIONS.has(association) ? association : 'NONE' },
    labels: (pr.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])),
    baseRef: pr.baseRefName,
    headRef: pr.headRefName,
    baseSha: pr.baseRefOid,
    headSha: pr.headRefOid,
    linkedIssues: pr.closingIssuesReferences?.totalCount ?? null,
    commits: [],
    files: [],
    truncated: { commits: null, files: null },
    repository: mapSettings(repository),
    gitattributes: null,
    known: { title: true, body: true, labels: true },
  };
}

function textFile(blob: GqlBlob | null | undefined, repository: string): ConfigCandidates['repository'] {
  if (!blob || typeof blob.text !== 'string') return null;
  return { origin: `${repository}:${CONFIG_PATH}`, path: CONFIG_PATH, text: blob.text };
}

export function mapConfig(answer: PullRequestAnswer, ref: PullRequestRef): ConfigCandidates {
  return {
    repository: textFile(answer.repository?.config, `${ref.owner}/${ref.repo}`),
    organization: textFile(answer.organization?.config, `${ref.owner}/.github`),
  };
}

export interface FoundCheck {
  check: ExistingCheck;
  annotationCount: number;
}

export function mapExistingCheck(head: GqlHeadCommit | null | undefined): FoundCheck | null {
  for (const suite of head?.checkSuites?.nodes ?? []) {
    const run = suite?.checkRuns?.nodes?.find((r) => r && r.databaseId !== null);
    if (!run || run.databaseId === null) continue;
    return {
      check: {
        id: run.databaseId,
        status: run.status.toLowerCase() as ExistingCheck['status'],
        ...readCheckMarker(run.summary),
      },
      annotationCount: run.annotations?.totalCount ?? 0,
    };
  }
  return null;
}
