/**
 * A fake api.github.com for counting requests: GraphQL queries are executed against GitHub's real
 * schema (@octokit/graphql-schema) over a generated pull request, so any query the adapter writes is
 * answered as GitHub would shape it (and a field GitHub does not have fails). REST routes cover the
 * few calls an adapter might make. Every request is recorded.
 */
import { buildClientSchema, graphql } from 'graphql';
import { schema as githubSchema } from '@octokit/graphql-schema';
import nock from 'nock';

let cachedSchema = null;
const loadSchema = () => (cachedSchema ??= buildClientSchema(githubSchema.json));

/** Whether the query asks for the connection's items (GitHub lets `totalCount` alone go unpaged). */
function selectsItems(info) {
  const names = (selectionSet) => (selectionSet?.selections ?? []).flatMap((s) => (s.kind === 'Field' ? [s.name.value] : names(s.selectionSet)));
  return info.fieldNodes.some((node) => names(node.selectionSet).some((n) => n === 'nodes' || n === 'edges'));
}

/** Pages like GitHub: `first` or `last` is required for items and at most 100. */
function connection(items) {
  return ({ first, after, last, before } = {}, _context, info) => {
    if (first == null && last == null) {
      if (!selectsItems(info)) return { totalCount: items.length };
      throw new Error('You must provide a `first` or `last` value to properly paginate.');
    }
    if ((first ?? last) > 100) throw new Error(`Requesting ${first ?? last} records exceeds the \`first\` limit of 100 records.`);
    let start = after ? Number(Buffer.from(after, 'base64').toString().split(':')[1]) + 1 : 0;
    let end = before ? Number(Buffer.from(before, 'base64').toString().split(':')[1]) : items.length;
    if (first != null) end = Math.min(end, start + first);
    else start = Math.max(start, end - last);
    const cursor = (i) => Buffer.from(`cursor:${i}`).toString('base64');
    const slice = items.slice(start, end);
    return {
      totalCount: items.length,
      nodes: slice,
      edges: slice.map((node, i) => ({ node, cursor: cursor(start + i) })),
      pageInfo: { hasNextPage: end < items.length, hasPreviousPage: start > 0, startCursor: slice.length ? cursor(start) : null, endCursor: slice.length ? cursor(end - 1) : null },
    };
  };
}

const hex = (n, salt) => (BigInt(n) * 2654435761n + BigInt(salt)).toString(16).padStart(40, '0').slice(-40);
const person = (login) => ({ __typename: 'GitActor', name: 'Ada Lovelace', email: 'ada@example.org', date: '2024-05-01T10:00:00Z', user: { __typename: 'User', login, id: 'U_1', databaseId: 1 } });

/** A pull request of `commits` clean conventional commits touching `files` files, and its repository. */
export function makeModel({ owner, repo, number, commits, files, config, cards = false }) {
  const headSha = hex(commits, 7);
  const baseSha = hex(0, 3);
  const commitNodes = Array.from({ length: commits }, (_, i) => {
    const message = `feat(api): add endpoint ${i + 1}\n\nSigned-off-by: Ada Lovelace <ada@example.org>`;
    const commit = {
      __typename: 'Commit', id: `C_${i}`, oid: i === commits - 1 ? headSha : hex(i + 1, 11), message,
      messageHeadline: message.split('\n')[0], messageBody: message.split('\n').slice(2).join('\n'),
      author: person('ada'), committer: person('ada'), authoredByCommitter: true, committedDate: '2024-05-01T10:00:00Z',
      parents: connection([{ __typename: 'Commit', oid: i ? hex(i, 11) : baseSha }]), signature: null,
      checkSuites: connection([]), checkRuns: connection([]), additions: 3, deletions: 1, changedFilesIfAvailable: 1,
    };
    return { __typename: 'PullRequestCommit', id: `PRC_${i}`, commit };
  });
  const fileNodes = Array.from({ length: files }, (_, i) => ({
    __typename: 'PullRequestChangedFile', path: cards ? `models/m${i}/README.md` : `models/m${Math.floor(i / 50)}/file-${i}.txt`, additions: 3, deletions: 1, changeType: 'MODIFIED',
  }));
  const blobs = new Map([['.github/steward.yml', config]]);
  const blob = (path) => blobs.has(path) ? { __typename: 'Blob', oid: hex(path.length, 5), text: blobs.get(path), byteSize: Buffer.byteLength(blobs.get(path)), isBinary: false, isTruncated: false }
    : path.startsWith('models/') ? { __typename: 'Blob', oid: hex(path.length, 9), text: 'x\n', byteSize: 2, isBinary: false, isTruncated: false } : null;
  const headCommit = commitNodes.at(-1).commit;
  const pr = {
    __typename: 'PullRequest', id: 'PR_1', databaseId: 1000 + number, number, title: 'feat(api): add the batch endpoint',
    body: '## Summary\n\nAdds the batch endpoint.\n\n## Testing\n\n- [x] unit tests\n\nCloses #12', isDraft: false, state: 'OPEN', merged: false,
    author: { __typename: 'User', login: 'ada' }, authorAssociation: 'CONTRIBUTOR', url: `https://github.com/${owner}/${repo}/pull/${number}`,
    labels: connection([{ __typename: 'Label', name: 'model', id: 'L_1' }]),
    baseRefName: 'main', headRefName: 'feat/batch-endpoint', baseRefOid: baseSha, headRefOid: headSha,
    changedFiles: files, additions: files * 3, deletions: files, commits: connection(commitNodes), files: connection(fileNodes),
    closingIssuesReferences: connection([{ __typename: 'Issue', number: 12, id: 'I_12' }]),
    headRepository: { __typename: 'Repository', nameWithOwner: `${owner}/${repo}`, isFork: false },
    headRepositoryOwner: { __typename: 'Organization', login: owner }, isCrossRepository: false,
    headRef: { __typename: 'Ref', name: 'feat/batch-endpoint', target: headCommit }, baseRef: { __typename: 'Ref', name: 'main' },
  };
  const repository = {
    __typename: 'Repository', id: 'R_1', databaseId: 1, name: repo, nameWithOwner: `${owner}/${repo}`, owner: { __typename: 'Organization', login: owner },
    isPrivate: false, isFork: false, defaultBranchRef: { __typename: 'Ref', name: 'main', target: headCommit },
    squashMergeAllowed: true, mergeCommitAllowed: true, rebaseMergeAllowed: true, squashMergeCommitTitle: 'COMMIT_OR_PR_TITLE', squashMergeCommitMessage: 'COMMIT_MESSAGES',
    pullRequest: () => pr,
    object: ({ expression, oid }) => {
      if (oid) return headCommit;
      const [, path] = /^[^:]*:(.*)$/.exec(expression ?? '') ?? [];
      return path === undefined ? headCommit : blob(path);
    },
  };
  return { owner, repo, number, headSha, baseSha, pr, repository, fileNodes, commitNodes, config };
}

function fieldResolver(source, args, context, info) {
  if (source === null || typeof source !== 'object' || !(info.fieldName in source)) {
    throw new Error(`The fake GitHub has no data for ${info.parentType.name}.${info.fieldName}; add it to bench/requests/fake-github.js`);
  }
  const value = source[info.fieldName];
  return typeof value === 'function' ? value(args, context, info) : value;
}

/** Intercepts api.github.com; returns the log of requests and the GraphQL or REST errors met. */
export function mockGitHub(model) {
  const schema = loadSchema();
  const requests = [];
  const problems = [];
  const root = { repository: ({ owner, name }) => (owner === model.owner && name === model.repo ? model.repository : null), rateLimit: { cost: 1, remaining: 4999, limit: 5000, resetAt: '2024-05-01T11:00:00Z', nodeCount: 0, used: 1 } };
  const scope = nock('https://api.github.com').persist();
  scope.post('/graphql').reply(async (_uri, body) => {
    const { query, variables } = typeof body === 'string' ? JSON.parse(body) : body;
    requests.push({ method: 'POST', path: '/graphql', query: query.replace(/\s+/g, ' ').slice(0, 120) });
    const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables, fieldResolver });
    if (result.errors) problems.push(...result.errors.map((e) => `GraphQL: ${e.message}`));
    return [200, JSON.parse(JSON.stringify(result))];
  });
  for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
    scope.intercept(/^\/(?!graphql)/, method.toUpperCase()).reply((uri, body) => {
      requests.push({ method: method.toUpperCase(), path: uri });
      return answerRest(model, method.toUpperCase(), uri, body, problems);
    });
  }
  return { requests, problems, done: () => nock.cleanAll() };
}

function answerRest(model, method, uri, body, problems) {
  const url = new URL(uri, 'https://api.github.com');
  const base = `/repos/${model.owner}/${model.repo}`;
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
  const paged = (items) => items.slice((page - 1) * perPage, page * perPage);
  const p = url.pathname;
  if (method === 'GET' && p === base) return [200, { name: model.repo, full_name: `${model.owner}/${model.repo}`, default_branch: 'main', allow_squash_merge: true, allow_merge_commit: true, allow_rebase_merge: true, squash_merge_commit_title: 'COMMIT_OR_PR_TITLE' }];
  if (method === 'GET' && new RegExp(`^${base}/commits/[^/]+/check-runs$`).test(p)) return [200, { total_count: 0, check_runs: [] }];
  if (method === 'POST' && p === `${base}/check-runs`) return [201, { id: 4242, name: body?.name, head_sha: body?.head_sha, status: body?.status ?? 'completed' }];
  if (method === 'PATCH' && new RegExp(`^${base}/check-runs/\\d+$`).test(p)) return [200, { id: Number(p.split('/').pop()), name: body?.name }];
  if (method === 'GET' && p === `${base}/pulls/${model.number}/files`) return [200, paged(model.fileNodes.map((f) => ({ filename: f.path, status: 'modified', additions: f.additions, deletions: f.deletions, changes: f.additions + f.deletions })))];
  if (method === 'GET' && p === `${base}/contents/.github/steward.yml`) return [200, { type: 'file', encoding: 'base64', content: Buffer.from(model.config).toString('base64'), path: '.github/steward.yml', sha: 'abc' }];
  problems.push(`REST: no fake for ${method} ${p}`);
  return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }];
}
