import { describe, it, expect } from '@jest/globals';
import { buildPullRequestQuery } from '../../../src/platform/github/pull-request-query.js';
import { buildPageQuery } from '../../../src/platform/github/page-query.js';
import { checkGraphqlQuery } from '../../support/graphql-contract.js';

const vars = { owner: 'o', name: 'r', number: 1 };
const sha = 'a'.repeat(40);

describe('GraphQL queries of the GitHub adapter fit GitHub\'s schema', () => {
  it.each([
    ['head SHA and app id known', { configRef: 'main', headSha: sha, appId: 7 }, { ...vars, checkName: 'Steward / style' }],
    ['head SHA known, no app id', { configRef: 'main', headSha: sha, appId: null }, { ...vars, checkName: 'Steward / style' }],
    ['nothing known', { configRef: 'HEAD', headSha: null, appId: null }, vars],
  ])('the first query (%s)', (_label, input, variables) => {
    expect(checkGraphqlQuery(buildPullRequestQuery(input), variables)).toEqual([]);
  });

  it.each([
    ['commits, files, sizes and head', { commitsAfter: 'c', filesAfter: 'f', withHead: true }, { ...vars, checkName: 'x' }],
    ['files only', { commitsAfter: null, filesAfter: 'f', withHead: false }, vars],
    ['sizes only', { commitsAfter: null, filesAfter: null, withHead: false }, { owner: 'o', name: 'r' }],
  ])('a follow-up query (%s)', (_label, input, variables) => {
    const query = buildPageQuery({
      ...input, headSha: sha, appId: 3,
      sizes: [{ alias: 's0', path: 'weights/"odd" name\\x.bin', withText: true }, { alias: 's1', path: 'a.txt', withText: false }],
    });
    expect(checkGraphqlQuery(query, variables)).toEqual([]);
  });

  it('escapes paths and refs so they cannot break the query', () => {
    const query = buildPullRequestQuery({ configRef: 'release/"1.0"', headSha: null, appId: null });
    expect(query).toContain('"release/\\"1.0\\":.github/steward.yml"');
    expect(checkGraphqlQuery(query, vars)).toEqual([]);
  });
});
