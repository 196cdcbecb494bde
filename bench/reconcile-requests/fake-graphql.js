/**
 * GitHub's GraphQL API over the bench's fork network: every query is parsed, VALIDATED against
 * GitHub's real schema (@octokit/graphql-schema) and executed by graphql-js with resolvers over the
 * generated repositories, so the answer has exactly the shape GitHub's schema gives it and a field
 * GitHub lacks fails the bench. Interfaces (GitObject) resolve through `__typename`. Errors carry
 * GitHub's `type` (NOT_FOUND, FORBIDDEN) and `path`, as GitHub answers partially.
 */
import { buildClientSchema, execute, parse, validate } from 'graphql';
import { schema as githubSchema } from '@octokit/graphql-schema';
import { oidOf, upstreamHistoryOf } from './make-network.js';

let cachedSchema = null;
const loadSchema = () => (cachedSchema ??= buildClientSchema(githubSchema.json));

/** An error GitHub reports in `errors` with a `type`; thrown by a resolver, or a list item (null node). */
class GitHubGraphqlError extends Error {
  constructor(type, message) {
    super(message);
    this.type = type;
  }
}

const cursor = (i) => Buffer.from(`cursor:${i}`).toString('base64');

function connection(items, { first, after }) {
  if (first == null) throw new Error('You must provide a `first` or `last` value to properly paginate the `forks` connection.');
  if (first > 100) throw new Error(`Requesting ${first} records on the connection exceeds the \`first\` limit of 100 records.`);
  const start = after ? Number(Buffer.from(after, 'base64').toString().split(':')[1]) + 1 : 0;
  const end = Math.min(items.length, start + first);
  const nodes = items.slice(start, end);
  return { totalCount: items.length, nodes, pageInfo: { hasNextPage: end < items.length, hasPreviousPage: start > 0, endCursor: nodes.length ? cursor(end - 1) : null, startCursor: nodes.length ? cursor(start) : null } };
}

const blobModel = (text) => ({ __typename: 'Blob', oid: oidOf(text), byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false, text });

/** The Tree at `dir` of a file map ('' is the root); null when nothing lies under it. */
function treeModel(files, dir) {
  const inside = Object.keys(files).filter((p) => dir === '' || p.startsWith(`${dir}/`));
  if (!inside.length) return null;
  const names = [...new Set(inside.map((p) => (dir === '' ? p : p.slice(dir.length + 1)).split('/')[0]))];
  return {
    __typename: 'Tree', oid: oidOf(`tree ${dir} ${inside.join()}`),
    entries: names.map((name) => {
      const path = dir === '' ? name : `${dir}/${name}`;
      const text = files[path];
      const object = text !== undefined ? blobModel(text) : treeModel(files, path);
      return { name, path, type: text !== undefined ? 'blob' : 'tree', oid: object.oid, object };
    }),
  };
}

const objectAt = (files, path) => (files[path] !== undefined ? blobModel(files[path]) : treeModel(files, path));

function commitModel(network, repo, sha, files) {
  return {
    __typename: 'Commit', oid: sha,
    file: ({ path }) => (files[path] === undefined ? null : { name: path.split('/').pop(), path, type: 'blob', oid: oidOf(files[path]) }),
    history: ({ first, after, path }) => {
      if (repo !== network.upstream) throw new Error('the bench network keeps history for upstream only');
      return connection(upstreamHistoryOf(network, path).map((oid) => ({ __typename: 'Commit', file: () => ({ oid }) })), { first, after });
    },
  };
}

function repoModel(network, repo) {
  const forbidden = repo.state === 'forbidden';
  const commits = repo === network.upstream ? network.commits : [];
  return {
    __typename: 'Repository', nameWithOwner: repo.name, isPrivate: repo.isPrivate ?? false, isLocked: false, isDisabled: false,
    isEmpty: repo.state === 'empty', isArchived: false, forkCount: repo.forks.length,
    defaultBranchRef: repo.head === null ? null : { __typename: 'Ref', name: repo.branch, target: commitModel(network, repo, repo.head, repo.files) },
    forks: (args) => connection(repo.forks.map((name) => network.repos.get(name)).map((f) => (f.state === 'gone'
      ? new GitHubGraphqlError('NOT_FOUND', `Could not resolve to a Repository with the name '${f.name}'.`) : repoModel(network, f))), args),
    object: ({ expression, oid }) => {
      if (forbidden) throw new GitHubGraphqlError('FORBIDDEN', 'Resource not accessible by integration');
      if (oid != null) return objectById(network, repo, oid, commits);
      const colon = expression.indexOf(':');
      const [ref, path] = [expression.slice(0, colon), expression.slice(colon + 1)];
      if (ref === 'HEAD' || ref === repo.branch || ref === repo.head) return repo.head === null ? null : objectAt(repo.files, path);
      const commit = commits.find((c) => c.sha === ref);
      return commit ? objectAt(commit.files, path) : null;
    },
  };
}

/** A blob the repository holds at HEAD (upstream: at any of its commits), or a commit of upstream. */
function objectById(network, repo, oid, commits) {
  if (oid === repo.head) return commitModel(network, repo, oid, repo.files);
  const commit = commits.find((c) => c.sha === oid);
  if (commit) return commitModel(network, repo, oid, commit.files);
  const text = [...Object.values(repo.files), ...commits.flatMap((c) => Object.values(c.files))].find((t) => oidOf(t) === oid);
  return text === undefined ? null : blobModel(text);
}

function fieldResolver(source, args, context, info) {
  if (source === null || typeof source !== 'object' || !(info.fieldName in source)) {
    throw new Error(`The fake GitHub has no data for ${info.parentType.name}.${info.fieldName}; add it to bench/reconcile-requests/fake-graphql.js`);
  }
  const value = source[info.fieldName];
  return typeof value === 'function' ? value(args, context, info) : value;
}

/**
 * Answers one query as GitHub would: { operation, body, problems }. `problems` are what GitHub would
 * refuse or what the fake cannot answer (a bench failure); NOT_FOUND/FORBIDDEN are GitHub's answers.
 */
export function answerGraphql(network, query, variables) {
  const schema = loadSchema();
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return { operation: '(unparsable)', body: { errors: [{ message: error.message }] }, problems: [`GraphQL syntax: ${error.message}`] };
  }
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value ?? '(anonymous)';
  const invalid = validate(schema, document);
  if (invalid.length) return { operation, body: { errors: invalid.map((e) => ({ message: e.message })) }, problems: invalid.map((e) => `GraphQL ${operation} invalid against GitHub's schema: ${e.message}`) };
  const rootValue = { repository: ({ owner, name }) => {
    const repo = network.repos.get(`${owner}/${name}`);
    if (!repo || repo.state === 'gone') throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
    return repoModel(network, repo);
  } };
  const result = execute({ schema, document, rootValue, variableValues: variables ?? {}, fieldResolver });
  const errors = (result.errors ?? []).map((e) => ({ type: e.originalError?.type, path: e.path, locations: e.locations, message: e.message }));
  const problems = errors.filter((e) => !e.type).map((e) => `GraphQL ${operation}: ${e.message}`);
  return { operation, body: errors.length ? { data: result.data ?? null, errors } : { data: result.data }, problems };
}
