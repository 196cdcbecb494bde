/** The stand-in's public shapes: records, violations, fault rules and the seed API. */
import type { FakeCommit, FakeFile } from '../support/fake-github-graphql.js';

/** How a request authenticated; the secret itself is never recorded. */
export type AuthKind = 'installation-token' | 'app-jwt' | 'none' | 'invalid';

export interface RecordedRequest {
  method: string;
  /** The OpenAPI template ('/repos/{owner}/{repo}/check-runs'), '/graphql', or the bare path when GitHub has no such route. */
  route: string;
  /** The concrete path without the /api/v3 prefix and without the query. */
  path: string;
  /** The path as received, prefix included ('/api/v3/...', '/api/graphql'), without the query. */
  received: string;
  /** GraphQL operation name, when the request was a GraphQL query. */
  operation?: string;
  status: number;
  auth: AuthKind;
  /** Milliseconds since the epoch when the request arrived. */
  time: number;
  /** Set when a fault rule answered instead of the state. */
  fault?: boolean;
}

export interface Violation {
  /** 'request': the client sent what GitHub would refuse; 'response': the stand-in's own answer did not fit;
   * 'unanswered': GitHub has the route or query, the stand-in cannot answer it yet. */
  kind: 'request' | 'response' | 'unanswered';
  method: string;
  path: string;
  problems: string[];
}

export type FaultReply =
  | { status: 500 | 502 | 503 }
  | { timeoutMs: number }
  | { status: 403; secondary: true; retryAfter?: number }
  | { status: 429; retryAfter: number }
  | { status: 403; rateLimitReset: number };

export interface FaultRule {
  method?: string;
  /** An OpenAPI template ('/repos/{owner}/{repo}/check-runs'), a concrete path, or '/graphql'. */
  route?: string;
  /** A GraphQL operation name ('StewardPullRequest'). */
  operation?: string;
  /** How many matching requests it answers (default: all). */
  times?: number;
  /** How many matching requests pass untouched first (default 0). */
  after?: number;
  reply: FaultReply;
}

export interface SeedRepository {
  owner: string;
  name: string;
  defaultBranch?: string;
  /** Files on the default branch, path -> text. */
  files?: Record<string, string>;
  /** Other branches or commit SHAs, ref -> (path -> text). */
  refs?: Record<string, Record<string, string>>;
  labels?: string[];
  /** login -> permission; anyone else reads as 'read' on a public repository. */
  permissions?: Record<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'>;
  /** Organisation members (GET /orgs/{org}/members/{username}). */
  members?: string[];
  private?: boolean;
}

export interface SeedPullRequest {
  owner: string;
  repo: string;
  number: number;
  headSha?: string;
  baseSha?: string;
  headRef?: string;
  title?: string;
  body?: string;
  author?: string;
  commits?: FakeCommit[];
  files?: FakeFile[];
  /** Files at the head SHA, path -> text (what GraphQL blob reads see). */
  headFiles?: Record<string, string>;
  labels?: string[];
}

export interface SeedWorkflowRun {
  owner: string;
  repo: string;
  workflowId: string | number;
  id?: number;
  headSha?: string;
  status?: 'queued' | 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'cancelled' | null;
}
