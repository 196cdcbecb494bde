import { describe, it, expect } from '@jest/globals';
import { checkGraphqlQuery, checkGraphqlResponse } from './graphql-contract.js';

const query = `query Pr($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) { title isDraft author { login __typename } }
    object(expression: "HEAD:.github/steward.yml") { ... on Blob { text } }
  }
}`;
const variables = { owner: 'o', name: 'r', number: 1 };
const data = {
  repository: {
    pullRequest: { title: 'feat: x', isDraft: false, author: { login: 'ada', __typename: 'User' } },
    object: { __typename: 'Blob', text: 'style: {}' },
  },
};

describe('checkGraphqlQuery', () => {
  it('accepts a valid query with its variables', () => {
    expect(checkGraphqlQuery(query, variables)).toEqual([]);
  });

  it('rejects a field GitHub does not have', () => {
    const problems = checkGraphqlQuery(query.replace('isDraft', 'isDraftt'), variables);
    expect(problems).toEqual([expect.stringContaining('Cannot query field "isDraftt" on type "PullRequest"')]);
  });

  it('rejects a missing required variable, a wrong type and an undeclared one', () => {
    expect(checkGraphqlQuery(query, { owner: 'o', name: 'r' }).join('\n')).toMatch(/\$number/);
    expect(checkGraphqlQuery(query, { ...variables, number: 'one' }).join('\n')).toMatch(/Int cannot represent/);
    expect(checkGraphqlQuery(query, { ...variables, extra: 1 }).join('\n')).toMatch(/\$extra is supplied/);
  });

  it('reports a syntax error instead of throwing', () => {
    expect(checkGraphqlQuery('query { repository(')[0]).toMatch(/GraphQL syntax/);
  });
});

describe('checkGraphqlResponse', () => {
  it('accepts a mock that GitHub could send for the query', () => {
    expect(checkGraphqlResponse(query, variables, { data })).toEqual([]);
  });

  it('rejects a mock that lacks a requested field or adds one not selected', () => {
    const lacking = structuredClone(data) as { repository: { pullRequest: Record<string, unknown> } };
    delete lacking.repository.pullRequest.isDraft;
    expect(checkGraphqlResponse(query, variables, { data: lacking }).join('\n')).toMatch(/lacks "repository.pullRequest.isDraft"/);
    const extra = structuredClone(data) as { repository: { pullRequest: Record<string, unknown> } };
    extra.repository.pullRequest.mergeable = 'MERGEABLE';
    expect(checkGraphqlResponse(query, variables, { data: extra }).join('\n')).toMatch(/"repository.pullRequest.mergeable", which the query does not select/);
  });

  it('rejects wrong scalar types, and a null in a non-null field', () => {
    const wrong = structuredClone(data) as { repository: { pullRequest: Record<string, unknown> } };
    wrong.repository.pullRequest.isDraft = 'no';
    expect(checkGraphqlResponse(query, variables, { data: wrong }).join('\n')).toMatch(/Boolean cannot represent/);
    const nulled = structuredClone(data) as { repository: { pullRequest: Record<string, unknown> } };
    nulled.repository.pullRequest.title = null;
    expect(checkGraphqlResponse(query, variables, { data: nulled }).join('\n')).toMatch(/non-nullable field PullRequest.title/);
  });

  it('accepts partial data with errors, as GitHub sends for a missing repository', () => {
    const partial = { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: 'Could not resolve' }] };
    expect(checkGraphqlResponse(query, variables, partial)).toEqual([]);
  });
});
