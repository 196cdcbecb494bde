/**
 * A mock GitHub (nock 14 on https://api.github.com) that keeps itself honest: every mocked REST
 * exchange is checked against GitHub's OpenAPI description and every GraphQL query (and mocked
 * answer) against GitHub's GraphQL schema, on the ACTUAL request the code under test sent.
 *
 * API:
 *   const gh = mockGitHub();          disables real network (localhost stays allowed for probot/servers)
 *   gh.rest(method, path, { query?, body?, headers?, times? }, status, response)
 *       path: concrete, e.g. '/repos/o/r/check-runs/5'. query: exact match when given, any query
 *       otherwise (it is still contract-checked). body: nock body matcher (object, or (body) => boolean).
 *       response: JSON or (req: { path, query, body }) => JSON. headers: reply headers.
 *       The route and a static response are checked when the mock is made (throws at once, pointing
 *       at the test line); the request body and query when it is hit.
 *   gh.graphql(match, response, { times?, status?, headers? })
 *       match: a substring of the query (e.g. the operation name), a RegExp, or (query, variables) => boolean.
 *       response: { data, errors? } or (variables, query) => { data, errors? }; status 200 by default.
 *       The query is always checked; the response only when the status is 200 (a 502 body is GitHub's
 *       error text, e.g. basicError('Server Error')).
 *   gh.installationToken(installationId = 1)   mocks POST /app/installations/{id}/access_tokens
 *       (not listed in requests(): the request budgets exclude it)
 *   gh.requests(): { method, path }[]    API requests served, in order (path without query)
 *   gh.requestCount(): number
 *   gh.problems(): string[]              contract problems and unexpected requests so far
 *   gh.assertHonest()                    throws if any problem was recorded or a mock is still pending
 *   gh.done()                            assertHonest, then cleans all interceptors (call in afterEach or at the end)
 */
import nock from 'nock';
import { checkRestCall } from './openapi-contract.js';
import { checkGraphqlQuery, checkGraphqlResponse } from './graphql-contract.js';
import { restExample } from './github-fixtures.js';

export const GITHUB_API = 'https://api.github.com';

export interface RestRequest {
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface RestOptions {
  query?: Record<string, string | number | boolean>;
  body?: Record<string, unknown> | ((body: unknown) => boolean);
  headers?: Record<string, string>;
  times?: number;
}

export type GraphqlMatch = string | RegExp | ((query: string, variables: Record<string, unknown>) => boolean);
export interface GraphqlAnswer { data?: unknown; errors?: unknown[] }
/** An answer, an answer computed from the request, or (for a non-200 status) GitHub's error body. */
export type GraphqlResponse = GraphqlAnswer | Record<string, unknown> | ((variables: Record<string, unknown>, query: string) => GraphqlAnswer);
export interface GraphqlOptions { times?: number; status?: number; headers?: Record<string, string> }

export interface MockGitHub {
  rest(method: string, path: string, options: RestOptions, status: number, response?: unknown): MockGitHub;
  graphql(match: GraphqlMatch, response: GraphqlResponse, options?: GraphqlOptions): MockGitHub;
  installationToken(installationId?: number): MockGitHub;
  requests(): { method: string; path: string }[];
  requestCount(): number;
  problems(): string[];
  assertHonest(): void;
  done(): void;
}

export function mockGitHub(): MockGitHub {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
  const scope = nock(GITHUB_API);
  const served: { method: string; path: string }[] = [];
  const problems: string[] = [];
  type Seen = { method?: string; path?: string; href?: string; host?: string; hostname?: string };
  const onNoMatch = (req: Seen, options?: Seen) => {
    const o = options ?? req;
    // Servers the test runs itself (probot's webhook server, a local fake) are not GitHub's business.
    if (/^(localhost|127\.0\.0\.1|\[::1\]|::1)(:\d+)?$/.test(o.hostname ?? o.host ?? '')) return;
    problems.push(`unexpected request ${o.method ?? '?'} ${o.path ?? req.href ?? '?'}: no mock matches it`);
  };
  nock.emitter.on('no match', onNoMatch);

  const gh: MockGitHub = {
    rest(method, path, options, status, response) {
      registerRest(scope, { method, path, options, status, response, served, problems });
      return gh;
    },
    graphql(match, response, options = {}) {
      registerGraphql(scope, { match, response, options, served, problems });
      return gh;
    },
    installationToken(installationId = 1) {
      scope.post(`/app/installations/${installationId}/access_tokens`)
        .reply(201, restExample('POST', '/app/installations/{installation_id}/access_tokens'));
      return gh;
    },
    requests: () => served.map((r) => ({ ...r })),
    requestCount: () => served.length,
    problems: () => [...problems],
    assertHonest() {
      const pending = scope.pendingMocks();
      const all = [...problems, ...pending.map((m) => `mock never called: ${m}`)];
      if (all.length > 0) throw new Error(`The GitHub mock was not honest or not used:\n- ${all.join('\n- ')}`);
    },
    done() {
      try {
        gh.assertHonest();
      } finally {
        nock.emitter.removeListener('no match', onNoMatch);
        nock.cleanAll();
      }
    },
  };
  return gh;
}

interface RestRegistration {
  method: string;
  path: string;
  options: RestOptions;
  status: number;
  response: unknown;
  served: { method: string; path: string }[];
  problems: string[];
}

function registerRest(scope: nock.Scope, r: RestRegistration): void {
  const [bare, search] = r.path.split('?') as [string, string | undefined];
  if (typeof r.response !== 'function') {
    const early = checkRestCall({ method: r.method, path: bare, status: r.status, responseBody: r.response })
      .filter((p) => !p.includes('request body') && !p.includes('query parameter'));
    if (early.length > 0) throw new Error(`This mock is not something GitHub would answer:\n- ${early.join('\n- ')}`);
  }
  const body = r.options.body as nock.RequestBodyMatcher | undefined;
  const interceptor = scope.intercept(bare, r.method.toUpperCase(), body);
  const query = r.options.query ?? (search ? Object.fromEntries(new URLSearchParams(search)) : undefined);
  interceptor.query(query ? normalizeQuery(query) : true);
  if (r.options.times) interceptor.times(r.options.times);
  interceptor.reply(function reply(uri, requestBody) {
    const url = new URL(uri, GITHUB_API);
    const request: RestRequest = {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseBody(requestBody),
    };
    const answer = typeof r.response === 'function' ? (r.response as (q: RestRequest) => unknown)(request) : r.response;
    r.served.push({ method: r.method.toUpperCase(), path: request.path });
    r.problems.push(...checkRestCall({
      method: r.method, path: request.path, query: request.query, requestBody: request.body, status: r.status, responseBody: answer,
    }));
    return [r.status, answer as nock.Body, r.options.headers ?? {}];
  });
}

function normalizeQuery(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

interface GraphqlRegistration {
  match: GraphqlMatch;
  response: GraphqlResponse;
  options: GraphqlOptions;
  served: { method: string; path: string }[];
  problems: string[];
}

function matches(match: GraphqlMatch, query: string, variables: Record<string, unknown>): boolean {
  if (typeof match === 'string') return query.includes(match);
  if (match instanceof RegExp) return match.test(query);
  return match(query, variables);
}

function registerGraphql(scope: nock.Scope, g: GraphqlRegistration): void {
  const bodyMatcher = (body: { query?: string; variables?: Record<string, unknown> }) =>
    typeof body?.query === 'string' && matches(g.match, body.query, body.variables ?? {});
  const status = g.options.status ?? 200;
  scope.post('/graphql', bodyMatcher).times(g.options.times ?? 1).reply(function reply(_uri, requestBody) {
    const { query, variables = {} } = parseBody(requestBody) as { query: string; variables?: Record<string, unknown> };
    const answer = (typeof g.response === 'function' ? g.response(variables, query) : g.response) as GraphqlAnswer;
    g.served.push({ method: 'POST', path: '/graphql' });
    const queryProblems = checkGraphqlQuery(query, variables);
    g.problems.push(...queryProblems);
    if (queryProblems.length === 0 && status === 200) g.problems.push(...checkGraphqlResponse(query, variables, answer));
    return [status, answer as nock.Body, g.options.headers ?? {}];
  });
}
