/**
 * Contract checks of GraphQL exchanges against GitHub's public schema (@octokit/graphql-schema).
 *
 * API:
 *   checkGraphqlQuery(query, variables?): string[]
 *       schema errors from `validate` ("Cannot query field "x" on type "Repository"."), plus variables:
 *       a required (non-null, no default) variable missing, a value of the wrong type, or a supplied
 *       variable the operation does not declare.
 *   checkGraphqlResponse(query, variables, response): string[]
 *       whether a mocked `{ data, errors? }` could come from GitHub for that query: it is executed
 *       against the schema with the mock as data, so a missing requested field, a field the query did
 *       not select, a null in a non-null field, a wrong enum value or scalar type is reported. Objects
 *       behind an interface or union (`... on Blob`, `... on Commit`) need `__typename` in the mock.
 */
import { validate, schema as schemaSource } from '@octokit/graphql-schema';
import {
  buildClientSchema, execute, getVariableValues, Kind, parse,
  type DocumentNode, type GraphQLSchema, type IntrospectionQuery, type OperationDefinitionNode,
} from 'graphql';

let schemaCache: GraphQLSchema | null = null;

function githubSchema(): GraphQLSchema {
  schemaCache ??= buildClientSchema(schemaSource.json as unknown as IntrospectionQuery);
  return schemaCache;
}

function operationOf(document: DocumentNode): OperationDefinitionNode | undefined {
  return document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

export function checkGraphqlQuery(query: string, variables: Record<string, unknown> = {}): string[] {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return [`GraphQL syntax: ${(error as Error).message}`];
  }
  const problems = validate(query).map((e) => `GraphQL schema: ${e.message}`);
  if (problems.length > 0) return problems;
  const operation = operationOf(document);
  const declared = new Set((operation?.variableDefinitions ?? []).map((v) => v.variable.name.value));
  for (const name of Object.keys(variables)) {
    if (!declared.has(name)) problems.push(`GraphQL variables: $${name} is supplied but the query does not declare it`);
  }
  const coerced = getVariableValues(githubSchema(), operation?.variableDefinitions ?? [], variables);
  for (const error of coerced.errors ?? []) problems.push(`GraphQL variables: ${error.message}`);
  return problems;
}

interface MockedResponse {
  data?: unknown;
  errors?: unknown[];
}

export function checkGraphqlResponse(query: string, variables: Record<string, unknown>, response: MockedResponse): string[] {
  if (response.data === null || response.data === undefined) {
    return response.errors?.length ? [] : ['GraphQL response: neither data nor errors']; // a full failure has no data to check
  }
  const problems: string[] = [];
  const result = execute({
    schema: githubSchema(),
    document: parse(query),
    rootValue: response.data,
    variableValues: variables,
    fieldResolver: (source, _args, _context, info) => {
      const key = info.path.key as string;
      if (!source || typeof source !== 'object') {
        problems.push(`GraphQL response: "${pathOf(info.path.prev)}" must be an object`);
        return undefined;
      }
      const object = source as Record<string, unknown>;
      if (!(key in object)) problems.push(`GraphQL response: the mock lacks "${pathOf(info.path)}"`);
      return object[key];
    },
    typeResolver: (value) => (value as { __typename?: string }).__typename,
  });
  if (result instanceof Promise) return ['GraphQL response: unexpected asynchronous execution'];
  for (const error of result.errors ?? []) {
    problems.push(`GraphQL response at ${error.path?.join('.') ?? '?'}: ${error.message}`);
  }
  findExtraKeys(response.data, result.data, '', problems);
  return problems;
}

function pathOf(path: { key: string | number; prev: unknown } | undefined): string {
  const keys: (string | number)[] = [];
  for (let p: typeof path | undefined = path; p; p = p.prev as typeof path | undefined) keys.unshift(p.key);
  return keys.join('.');
}

/** Keys in the mock that the query never selected: GitHub would not send them, so code must not rely on them. */
function findExtraKeys(mock: unknown, actual: unknown, at: string, problems: string[]): void {
  if (!mock || typeof mock !== 'object' || !actual || typeof actual !== 'object') return;
  if (Array.isArray(mock)) {
    mock.forEach((item, i) => findExtraKeys(item, (actual as unknown[])[i], `${at}.${i}`, problems));
    return;
  }
  for (const [key, value] of Object.entries(mock as Record<string, unknown>)) {
    const where = at ? `${at}.${key}` : key;
    if (!(key in (actual as Record<string, unknown>))) {
      if (key !== '__typename') problems.push(`GraphQL response: the mock has "${where}", which the query does not select`);
      continue;
    }
    findExtraKeys(value, (actual as Record<string, unknown>)[key], where, problems);
  }
}
