/**
 * GitHub's GraphQL endpoint over the stand-in's state. The queries Steward sends are answered by
 * test/support/fake-github-graphql.ts (projection onto the query's own selection), fed with the
 * repository and pull request the variables name. Any other operation gets a GraphQL error.
 */
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { answerGraphql, type FakeCheckRun, type FakePullRequest } from '../support/fake-github-graphql.js';
import { findRepo, pullKey, type RepoState, type State } from './state.js';

/** The operations Steward sends (src/platform/github): pull-request snapshot, its pages, file reads. */
export const ANSWERED_OPERATIONS = ['StewardPullRequest', 'StewardPullRequestPage', 'StewardReadFile', 'StewardReadFiles'];

export interface GraphqlAnswer { data?: unknown; errors?: { type?: string; path?: string[]; message: string }[] }

export function operationName(query: string, given?: unknown): string | undefined {
  if (typeof given === 'string' && given) return given;
  try {
    const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    return operation?.name?.value;
  } catch {
    return undefined;
  }
}

function blobsOf(repo: RepoState): Record<string, string> {
  const blobs: Record<string, string> = {};
  for (const [ref, files] of Object.entries(repo.refs)) {
    for (const [path, text] of Object.entries(files)) blobs[`${ref}:${path}`] = text;
  }
  for (const [path, text] of Object.entries(repo.refs[repo.defaultBranch] ?? {})) blobs[`HEAD:${path}`] = text;
  return blobs;
}

function orgConfig(state: State, owner: string): string | null | undefined {
  const github = findRepo(state, owner, '.github');
  if (!github) return null;
  return github.refs[github.defaultBranch]?.['.github/steward.yml'];
}

function checkRunsAt(state: State, repo: RepoState, sha: string): FakeCheckRun[] {
  return state.checkRuns
    .filter((r) => r.owner === repo.owner && r.repo === repo.name && r.head_sha === sha)
    .map((r) => ({ databaseId: r.id, status: r.status.toUpperCase(), summary: r.output.summary ?? '', annotations: r.output.annotations_count, name: r.name }));
}

/** The one-pull-request world the fake answers from, built for the repository and number asked about. */
function worldFor(state: State, repo: RepoState, number: unknown): FakePullRequest {
  const pull = typeof number === 'number' ? state.pulls.get(pullKey(repo.owner, repo.name, number)) : undefined;
  const headSha = pull?.headSha ?? '';
  return {
    owner: repo.owner, repo: repo.name, number: pull?.number ?? -1, headSha, title: pull?.title,
    author: pull ? { login: pull.author, __typename: 'User' } : undefined,
    commits: pull?.commits ?? [], files: pull?.files ?? [], blobs: blobsOf(repo),
    orgConfig: orgConfig(state, repo.owner), checkRuns: checkRunsAt(state, repo, headSha),
  };
}

export function answerQuery(state: State, query: string, variables: Record<string, unknown>): GraphqlAnswer {
  const owner = String(variables.owner ?? '');
  const name = String(variables.name ?? '');
  const repo = findRepo(state, owner, name);
  if (!repo) {
    const world: FakePullRequest = { owner: '', repo: '', number: -1, headSha: '', commits: [], files: [] };
    const answer = answerGraphql(world, query, variables) as GraphqlAnswer;
    const notFound = { type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${owner}/${name}'.` };
    return { data: answer.data, errors: [...(answer.errors ?? []), notFound] };
  }
  const answer = answerGraphql(worldFor(state, repo, variables.number), query, variables) as GraphqlAnswer;
  fillTruncation(answer.data);
  fillBody(answer.data, typeof variables.number === 'number' ? state.pulls.get(pullKey(repo.owner, repo.name, variables.number))?.body : undefined);
  return answer;
}

/** The fake answers a fixed description; a seeded one (a hostile-input test's 1 MB body) takes its place. */
function fillBody(data: unknown, body: string | undefined): void {
  const pull = (data as { repository?: { pullRequest?: Record<string, unknown> | null } } | null | undefined)?.repository?.pullRequest;
  if (body && pull && 'body' in pull) pull.body = body;
}

/** The fake's blobs have no `isTruncated` (non-null on GitHub); a blob held in memory is never truncated. */
function fillTruncation(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  if (object.__typename === 'Blob' && object.isTruncated === null) object.isTruncated = false;
  Object.values(object).forEach(fillTruncation);
}

export function unknownOperation(name: string | undefined): GraphqlAnswer {
  return { errors: [{ message: `The GitHub stand-in does not answer the GraphQL operation "${name ?? '(anonymous)'}" yet; add it to test/standin/graphql.ts.` }] };
}
