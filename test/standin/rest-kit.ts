/** Shared pieces of the REST handlers: their signature, GitHub-shaped answers and error bodies. */
import { restExample, withOverrides } from '../support/github-fixtures.js';
import { findRepo, type RepoState, type State } from './state.js';

export interface RestContext {
  state: State;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  /** The App id tokens were issued for (check runs carry it as `app.id`). */
  appId: number;
  /** Base URL of the stand-in, for the html_url/url fields of answers. */
  url: string;
}

export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RestHandler = (context: RestContext) => RestAnswer;

const DOCS = 'https://docs.github.com/rest';

export function errorAnswer(status: number, message: string): RestAnswer {
  return { status, body: { message, documentation_url: DOCS, status: String(status) } };
}

export function notFound(): RestAnswer {
  return errorAnswer(404, 'Not Found');
}

/** GitHub's example for the operation, with state fields laid over it. */
export function example(method: string, template: string, overrides: Record<string, unknown>, status?: number): Record<string, unknown> {
  return withOverrides(restExample(method, template, status === undefined ? {} : { status }), overrides);
}

/** The first element of an example list, overridden: how list answers are built. */
export function exampleItem(method: string, template: string, overrides: Record<string, unknown>): Record<string, unknown> {
  const list = restExample(method, template) as unknown as Record<string, unknown>[];
  return withOverrides(list[0]!, overrides);
}

/** The repository named by the route's {owner}/{repo}, or a 404 answer. */
export function repoOf(context: RestContext): RepoState | RestAnswer {
  return findRepo(context.state, context.params.owner ?? '', context.params.repo ?? '') ?? notFound();
}

export function isAnswer(value: unknown): value is RestAnswer {
  return !!value && typeof value === 'object' && 'status' in value && typeof (value as RestAnswer).status === 'number';
}

export function page<T>(items: T[], query: Record<string, string>): T[] {
  const perPage = Math.min(Number(query.per_page ?? 30) || 30, 100);
  const start = ((Number(query.page ?? 1) || 1) - 1) * perPage;
  return items.slice(start, start + perPage);
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A stable number for a workflow file name, since GitHub's workflow_id fields are integers. */
export function workflowNumber(workflowId: string): number {
  if (/^\d+$/.test(workflowId)) return Number(workflowId);
  return [...workflowId].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) % 1_000_000, 7);
}
