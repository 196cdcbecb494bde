/**
 * The stand-in's small in-memory GitHub: repositories with files per ref, pull requests, issue
 * comments, check runs, workflow dispatches and runs. Seeded by tests, changed by the REST writes.
 */
import type { FakeCommit, FakeFile } from '../support/fake-github-graphql.js';
import type { SeedPullRequest, SeedRepository, SeedWorkflowRun } from './types.js';

export interface RepoState {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  private: boolean;
  /** ref (branch or SHA) -> path -> text. */
  refs: Record<string, Record<string, string>>;
  labels: string[];
  permissions: Record<string, string>;
  members: string[];
}

export interface PullState {
  id: number; owner: string; repo: string; number: number; title: string; body: string; author: string;
  headSha: string; baseSha: string; headRef: string; commits: FakeCommit[]; files: FakeFile[]; labels: string[];
}

export interface CheckRunState {
  id: number; owner: string; repo: string; name: string; head_sha: string; status: string; conclusion: string | null;
  started_at: string; completed_at: string | null; details_url: string | null; external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations_count: number };
}

export interface CommentState { id: number; owner: string; repo: string; issueNumber: number; body: string; user: string; created_at: string; updated_at: string }
export interface ReviewState { id: number; owner: string; repo: string; number: number; commitId: string; event: string; body: string; comments: unknown[] }
export interface DispatchState { owner: string; repo: string; workflowId: string; ref: string; inputs: Record<string, unknown>; at: number }
export interface RunState {
  id: number; owner: string; repo: string; workflowId: string; headSha: string; status: string; conclusion: string | null; created_at: string;
  /** The workflow's run-name as GitHub renders it (see run-name.ts); unset: the stand-in's default. */
  displayTitle?: string;
  updated_at?: string;
}

export interface State {
  repos: Map<string, RepoState>;
  pulls: Map<string, PullState>;
  checkRuns: CheckRunState[];
  comments: CommentState[];
  reviews: ReviewState[];
  dispatches: DispatchState[];
  runs: RunState[];
  nextId(): number;
}

export function createState(): State {
  let id = 1000;
  return { repos: new Map(), pulls: new Map(), checkRuns: [], comments: [], reviews: [], dispatches: [], runs: [], nextId: () => ++id };
}

export const repoKey = (owner: string, repo: string): string => `${owner}/${repo}`.toLowerCase();
export const pullKey = (owner: string, repo: string, n: number): string => `${repoKey(owner, repo)}#${n}`;
const sha = (seed: string): string => Buffer.from(seed).toString('hex').padEnd(40, '0').slice(0, 40);

export function findRepo(state: State, owner: string, repo: string): RepoState | undefined {
  return state.repos.get(repoKey(owner, repo));
}

export function seedRepository(state: State, seed: SeedRepository): RepoState {
  const defaultBranch = seed.defaultBranch ?? 'main';
  const repo: RepoState = {
    id: state.nextId(), owner: seed.owner, name: seed.name, defaultBranch, private: seed.private ?? false,
    refs: { ...(seed.refs ?? {}), [defaultBranch]: { ...(seed.files ?? {}) } },
    labels: seed.labels ?? [], permissions: seed.permissions ?? {}, members: seed.members ?? [],
  };
  state.repos.set(repoKey(seed.owner, seed.name), repo);
  return repo;
}

export function seedPullRequest(state: State, seed: SeedPullRequest): PullState {
  const repo = findRepo(state, seed.owner, seed.repo) ?? seedRepository(state, { owner: seed.owner, name: seed.repo });
  const headSha = seed.headSha ?? sha(`head-${seed.number}`);
  const files = seed.files ?? Object.keys(seed.headFiles ?? {}).map((path) => ({ path, additions: 1, deletions: 0, changeType: 'MODIFIED' }));
  const pull: PullState = {
    id: state.nextId(), owner: seed.owner, repo: seed.repo, number: seed.number, title: seed.title ?? 'feat: add the thing',
    body: seed.body ?? '', author: seed.author ?? 'ada', headSha, baseSha: seed.baseSha ?? sha(`base-${seed.number}`),
    headRef: seed.headRef ?? `feature-${seed.number}`, files, labels: seed.labels ?? [],
    commits: seed.commits ?? [{ oid: headSha, message: 'feat: add the thing', authorLogin: seed.author ?? 'ada' }],
  };
  repo.refs[headSha] = { ...repo.refs[repo.defaultBranch], ...(seed.headFiles ?? {}) };
  state.pulls.set(pullKey(seed.owner, seed.repo, seed.number), pull);
  return pull;
}

export function seedWorkflowRun(state: State, seed: SeedWorkflowRun): RunState {
  const run: RunState = {
    id: seed.id ?? state.nextId(), owner: seed.owner, repo: seed.repo, workflowId: String(seed.workflowId),
    headSha: seed.headSha ?? sha('run'), status: seed.status ?? 'queued', conclusion: seed.conclusion ?? null,
    created_at: new Date().toISOString(),
  };
  state.runs.push(run);
  return run;
}
