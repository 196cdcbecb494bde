/**
 * A fake api.github.com on nock for the fork network: POST /graphql executed against GitHub's schema
 * (fake-graphql.js), and the REST routes either side uses. Every REST request must match a route of
 * GitHub's REST description (@octokit/openapi), or the bench fails. Every request is recorded by
 * kind: "GraphQL <operation>" or "<METHOD> <route template>".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import nock from 'nock';
import { answerGraphql } from './fake-graphql.js';
import { oidOf } from './make-network.js';

let routeCache = null;

/** GitHub's REST routes as regexes, the most literal template first. */
function routes() {
  if (!routeCache) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    const { paths } = JSON.parse(readFileSync(file, 'utf8'));
    routeCache = Object.entries(paths).flatMap(([template, item]) => Object.keys(item).map((method) => ({
      method: method.toUpperCase(), template,
      regex: new RegExp(`^${template.split('/').map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`),
      literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
    }))).sort((a, b) => b.literals - a.literals);
  }
  return routeCache;
}

/** The route template GitHub serves `path` (still percent-encoded) under, or null. */
export function findRoute(method, path) {
  return routes().find((r) => r.method === method && r.regex.test(path))?.template ?? null;
}

const notFound = [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }];

function forkListing(network, repo) {
  return repo.forks.map((name) => network.repos.get(name)).filter((f) => f.state !== 'gone').map((f) => {
    const [owner, name] = f.name.split('/');
    return { id: f.name.length, name, full_name: f.name, owner: { login: owner }, private: f.isPrivate ?? false, fork: true, default_branch: f.branch, forks_count: f.forks.length };
  });
}

const treeEntries = (files) => Object.entries(files).map(([path, text]) => ({ path, mode: '100644', type: 'blob', sha: oidOf(text), size: Buffer.byteLength(text) }));

/** The REST answer for one request: [status, body]. */
function answerRest(network, method, url) {
  const parts = url.pathname.split('/').map(decodeURIComponent);
  const repo = network.repos.get(`${parts[2]}/${parts[3]}`);
  if (method !== 'GET' || parts[1] !== 'repos' || !repo || repo.state === 'gone') return notFound;
  const rest = parts.slice(4);
  if (rest.length === 0) return [200, { name: parts[3], full_name: repo.name, default_branch: repo.branch, private: false, fork: repo !== network.upstream, forks_count: repo.forks.length }];
  if (rest[0] === 'forks') {
    const page = Number(url.searchParams.get('page') ?? 1);
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    return [200, forkListing(network, repo).slice((page - 1) * perPage, page * perPage)];
  }
  if (repo.state === 'forbidden') return notFound;
  if (repo.head === null) return [409, { message: 'Git Repository is empty.' }];
  if (rest[0] === 'git' && rest[1] === 'trees') {
    const ref = rest.slice(2).join('/');
    if (ref !== repo.head && ref !== repo.branch) return notFound;
    return [200, { sha: repo.head, url: `https://api.github.com/repos/${repo.name}/git/trees/${repo.head}`, truncated: false, tree: treeEntries(repo.files) }];
  }
  if (rest[0] === 'contents') {
    const path = rest.slice(1).join('/');
    const text = repo.files[path];
    if (text === undefined) return notFound;
    return [200, { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name: path.split('/').pop(), path, sha: oidOf(text), content: Buffer.from(text).toString('base64') }];
  }
  if (rest[0] === 'compare') return answerCompare(network, repo, rest.slice(1).join('/'));
  return notFound;
}

/** `<base>...<owner>:<branch>` on upstream: the fork of that owner in the network, its merge base with upstream. */
function answerCompare(network, repo, basehead) {
  const [, head] = basehead.split('...');
  const [owner, branch] = head.includes(':') ? head.split(':') : [repo.name.split('/')[0], head];
  const fork = [...network.repos.values()].find((r) => r.name.split('/')[0] === owner && r.branch === branch);
  if (!fork || fork.head === null || fork.state) return notFound;
  const commit = (sha) => ({ sha, url: `https://api.github.com/repos/${repo.name}/commits/${sha}`, commit: { message: 'm' }, parents: [] });
  return [200, { status: 'diverged', ahead_by: 1, behind_by: 1, total_commits: 1, base_commit: commit(network.upstream.head), merge_base_commit: commit(fork.mergeBase), commits: [], files: [] }];
}

/** Intercepts api.github.com; returns { requests, problems, count(), done() }. */
export function mockGitHubNetwork(network) {
  const requests = [];
  const problems = [];
  const scope = nock('https://api.github.com').persist();
  scope.post('/graphql').reply((_uri, body) => {
    const { query, variables } = typeof body === 'string' ? JSON.parse(body) : body;
    const answer = answerGraphql(network, query, variables);
    requests.push(`GraphQL ${answer.operation}`);
    problems.push(...answer.problems);
    return [200, answer.body];
  });
  scope.intercept(/^\/(?!graphql)/, 'GET').reply((uri) => {
    const url = new URL(uri, 'https://api.github.com');
    const template = findRoute('GET', url.pathname);
    if (template === null) problems.push(`REST: GET ${url.pathname} is not a route of GitHub's REST API (@octokit/openapi)`);
    requests.push(`GET ${template ?? url.pathname}`);
    return answerRest(network, 'GET', url);
  });
  return {
    requests, problems,
    /** Requests by kind since `from` (an index into requests). */
    countSince: (from = 0) => requests.slice(from).reduce((acc, kind) => ({ ...acc, [kind]: (acc[kind] ?? 0) + 1 }), {}),
    done: () => nock.cleanAll(),
  };
}
