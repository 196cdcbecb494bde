/**
 * One request through the stand-in, in GitHub's order: route, credential (401), contract (422 and a
 * violation), fault rules, then the state's answer, whose own fit to the schema is checked too.
 */
import { checkGraphqlQuery, checkGraphqlResponse } from '../support/graphql-contract.js';
import { checkRestCall } from '../support/openapi-contract.js';
import { findOperation } from '../support/openapi-schema.js';
import { classifyAuth, createTokenHandler, refuseAuth, type Tokens } from './auth.js';
import type { Faults } from './faults.js';
import { ANSWERED_OPERATIONS, answerQuery, operationName, unknownOperation } from './graphql.js';
import { ACTIONS_HANDLERS } from './rest-actions.js';
import { ARTIFACT_HANDLERS } from './rest-artifacts.js';
import { CHECK_HANDLERS } from './rest-checks.js';
import { errorAnswer, type RestAnswer, type RestHandler } from './rest-kit.js';
import { REPO_HANDLERS } from './rest-repos.js';
import { REVIEW_HANDLERS } from './rest-reviews.js';
import type { State } from './state.js';
import type { RecordedRequest, Violation } from './types.js';

export interface World {
  state: State; tokens: Tokens; faults: Faults; appId: number | null; url: string;
  records: RecordedRequest[]; violations: Violation[]; handlers: Record<string, RestHandler>;
}

export interface Incoming { method: string; path: string; received: string; query: Record<string, string>; body: unknown; authorization?: string }
export type Outcome = RestAnswer | { delayMs: number; then: () => RestAnswer };

export function createHandlers(tokens: Tokens): Record<string, RestHandler> {
  return {
    ...CHECK_HANDLERS, ...REPO_HANDLERS, ...REVIEW_HANDLERS, ...ACTIONS_HANDLERS,
    // After ACTIONS_HANDLERS: its empty artifact list gives way to the runs' real artifacts.
    ...ARTIFACT_HANDLERS,
    'POST /app/installations/{installation_id}/access_tokens': createTokenHandler(tokens),
  };
}

function paramsOf(template: string, path: string): Record<string, string> {
  const names = template.split('/');
  const values = path.split('/');
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    if (/^\{\w+\}$/.test(name)) params[name.slice(1, -1)] = decodeURIComponent(values[i] ?? '');
  });
  return params;
}

function refusal(world: World, incoming: Incoming, kind: Violation['kind'], problems: string[]): RestAnswer {
  world.violations.push({ kind, method: incoming.method, path: incoming.path, problems });
  return errorAnswer(422, `The GitHub stand-in refused this request, as GitHub would:\n- ${problems.join('\n- ')}`);
}

/** Decides the answer and records the request (with the answer's status, once known). */
export function handle(world: World, incoming: Incoming): Outcome {
  const isGraphql = incoming.path === '/graphql' && incoming.method === 'POST';
  const found = isGraphql ? null : findOperation(incoming.method, incoming.path);
  const route = isGraphql ? '/graphql' : found?.template ?? incoming.path;
  const graphql = (incoming.body ?? {}) as { query?: string; variables?: Record<string, unknown>; operationName?: string };
  const operation = isGraphql ? operationName(String(graphql.query ?? ''), graphql.operationName) : undefined;
  const auth = classifyAuth(incoming.authorization, world.tokens, world.appId);
  const record: RecordedRequest = { method: incoming.method, route, path: incoming.path, received: incoming.received, ...(operation ? { operation } : {}), status: 0, auth, time: Date.now() };
  world.records.push(record);
  const finish = (answer: RestAnswer, fault = false): RestAnswer => {
    record.status = answer.status;
    if (fault) record.fault = true;
    return answer;
  };
  if (!isGraphql && !found) {
    world.violations.push({ kind: 'request', method: incoming.method, path: incoming.path, problems: [`GitHub's REST API has no ${incoming.method} ${incoming.path}`] });
    return finish(errorAnswer(404, 'Not Found'));
  }
  const refused = refuseAuth(auth, route);
  if (refused) return finish(refused);
  const problems = isGraphql ? checkGraphqlQuery(String(graphql.query ?? ''), graphql.variables ?? {}) : checkRequest(incoming);
  if (problems.length && isGraphql) {
    world.violations.push({ kind: 'request', method: incoming.method, path: incoming.path, problems });
    return finish({ status: 200, body: { errors: problems.map((message) => ({ message })) } });
  }
  if (problems.length) return finish(refusal(world, incoming, 'request', problems));
  const fault = world.faults.take({ method: incoming.method, route, path: incoming.path, operation });
  if (fault && 'status' in fault) return finish(fault, true);
  const serve = () => finish(isGraphql ? serveGraphql(world, incoming, operation, graphql) : serveRest(world, incoming, route));
  if (fault) return { delayMs: fault.delayMs, then: serve };
  return serve();
}

/** The request half of the contract: route, query keys, body. A `{ message }` 500 passes any response check. */
function checkRequest(incoming: Incoming): string[] {
  return checkRestCall({
    method: incoming.method, path: incoming.path, query: incoming.query, requestBody: incoming.body,
    status: 500, responseBody: { message: 'probe' },
  });
}

function serveRest(world: World, incoming: Incoming, route: string): RestAnswer {
  const handler = world.handlers[`${incoming.method} ${route}`];
  if (!handler) {
    world.violations.push({ kind: 'unanswered', method: incoming.method, path: incoming.path, problems: [`the stand-in has no answer for ${incoming.method} ${route} yet; add one to test/standin/rest-*.ts`] });
    return errorAnswer(404, 'Not Found');
  }
  const answer = handler({
    state: world.state, params: paramsOf(route, incoming.path), query: incoming.query,
    body: (incoming.body ?? {}) as Record<string, unknown>, appId: world.appId ?? 1, url: world.url,
  });
  const problems = checkRestCall({ method: incoming.method, path: incoming.path, query: incoming.query, requestBody: incoming.body, status: answer.status, responseBody: answer.body });
  if (problems.length) world.violations.push({ kind: 'response', method: incoming.method, path: incoming.path, problems });
  return answer;
}

function serveGraphql(world: World, incoming: Incoming, operation: string | undefined, request: { query?: string; variables?: Record<string, unknown> }): RestAnswer {
  if (!operation || !ANSWERED_OPERATIONS.includes(operation)) {
    const answer = unknownOperation(operation);
    world.violations.push({ kind: 'unanswered', method: 'POST', path: '/graphql', problems: [answer.errors![0]!.message] });
    return { status: 200, body: answer };
  }
  const query = String(request.query);
  const variables = request.variables ?? {};
  const answer = answerQuery(world.state, query, variables);
  const problems = checkGraphqlResponse(query, variables, answer);
  if (problems.length) world.violations.push({ kind: 'response', method: 'POST', path: `/graphql ${operation}`, problems });
  return { status: 200, body: answer };
}
