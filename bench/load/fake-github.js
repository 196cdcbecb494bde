/**
 * A GitHub Enterprise fake for the load bench (node:http, GHE_HOST/GHE_PROTOCOL point Probot at it):
 * the installation token, GraphQL executed against GitHub's real schema over bench/requests' generated
 * pull request (any repository name, the asked-for number), and check-run writes, timed on arrival.
 * A query is parsed and validated once per distinct text (as a cache): the fake shares the 2 CPUs with
 * the App under test, and re-validating the same query against GitHub's large schema would measure the fake.
 * Anything else is answered 404 and listed in `problems`, so a new call Steward makes is noticed.
 */
import { createServer } from 'node:http';
import { buildClientSchema, execute, parse, validate } from 'graphql';
import { schema as githubSchema } from '@octokit/graphql-schema';
import { makeModel } from '../requests/fake-github.js';

const NAME_MARK = 'load-repository-marker';
const NUMBER_MARK = 987_654_321;
const CONFIG = 'style:\n  rules:\n    labels: { severity: error, required-one-of: [model, docs, infra] }\n';

/** Resolves a field from the model object; a function field is called with the field's arguments. */
function fieldResolver(source, args, context, info) {
  if (source === null || typeof source !== 'object' || !(info.fieldName in source)) {
    throw new Error(`The load fake has no data for ${info.parentType.name}.${info.fieldName}; add it to bench/load/fake-github.js`);
  }
  const value = source[info.fieldName];
  return typeof value === 'function' ? value(args, context, info) : value;
}

/** One small pull request per repository name; `pullRequest(number:)` answers with the asked-for number. */
function createModels(owner) {
  const models = new Map();
  return (name) => {
    if (!models.has(name)) {
      const model = makeModel({ owner, repo: name, number: 1, commits: 3, files: 5, config: CONFIG });
      const pr = model.pr;
      model.repository.pullRequest = ({ number }) => ({ ...pr, number, databaseId: number, url: `https://github.com/${owner}/${name}/pull/${number}` });
      models.set(name, model);
    }
    return models.get(name);
  };
}

/**
 * Starts the fake. `onCheckRun({ repo, pr, at })` is called when a check-run write arrives
 * (pr from the run's external_id, which Steward sets to {"pr": N}).
 */
export async function startFakeGitHub({ owner, onCheckRun = () => {} }) {
  const schema = buildClientSchema(githubSchema.json);
  const documents = new Map();
  const modelOf = createModels(owner);
  const problems = [];
  const counts = new Map();
  const root = {
    repository: ({ owner: o, name }) => (o === owner ? modelOf(name).repository : null),
    rateLimit: { cost: 1, remaining: 4999, limit: 5000, resetAt: '2030-01-01T00:00:00Z', nodeCount: 0, used: 1 },
  };
  const documentOf = (query) => {
    if (!documents.has(query)) {
      const document = parse(query);
      const errors = validate(schema, document);
      documents.set(query, errors.length ? { errors } : { document });
    }
    return documents.get(query);
  };
  /**
   * Executed once per query text and variables other than the repository and number (the first time
   * against the schema, with marker values), then the answer text is reused with the markers replaced.
   */
  const answers = new Map();
  const answerGraphql = ({ query, variables = {} }) => {
    const { name, number, ...rest } = variables;
    const key = `${query}\n${JSON.stringify(rest)}`;
    if (!answers.has(key)) {
      const { document, errors } = documentOf(query);
      if (errors) return graphqlErrors(errors, problems);
      const marked = { ...variables, ...(name === undefined ? {} : { name: NAME_MARK }), ...(number === undefined ? {} : { number: NUMBER_MARK }) };
      const result = execute({ schema, document, rootValue: root, variableValues: marked, fieldResolver });
      if (result.errors) return graphqlErrors(result.errors, problems);
      answers.set(key, JSON.stringify(result));
    }
    const text = answers.get(key).replaceAll(NAME_MARK, name ?? NAME_MARK).replaceAll(String(NUMBER_MARK), String(number ?? NUMBER_MARK));
    return [200, text];
  };
  let checkId = 1;
  const answer = (method, path, body) => {
    const label = labelOf(method, path);
    counts.set(label, (counts.get(label) ?? 0) + 1);
    if (method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return [201, { token: `ghs_load${Date.now()}`, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: { checks: 'write', contents: 'read', pull_requests: 'write' }, repository_selection: 'all' }];
    }
    if (method === 'POST' && path === '/graphql') {
      return answerGraphql(body);
    }
    const checkRun = /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/.exec(path);
    if (method === 'POST' && checkRun) {
      const pr = prOf(body?.external_id);
      onCheckRun({ repo: checkRun[2], pr, at: performance.now() });
      return [201, { id: checkId++, name: body?.name, head_sha: body?.head_sha, status: body?.status ?? 'completed', conclusion: body?.conclusion ?? null, external_id: body?.external_id ?? '' }];
    }
    if (problems.length < 20) problems.push(`no fake for ${method} ${path}`);
    return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }];
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url, 'http://fake').pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql');
      let status;
      let body;
      try {
        [status, body] = answer(req.method, path, chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined);
      } catch (error) {
        [status, body] = [500, { message: String(error?.message ?? error) }];
        if (problems.length < 20) problems.push(`${req.method} ${path}: ${body.message}`);
      }
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', 'x-ratelimit-limit': '5000' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${server.address().port}`;
  return {
    env: { GHE_HOST: host, GHE_PROTOCOL: 'http' },
    problems,
    counts,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function graphqlErrors(errors, problems) {
  if (problems.length < 20) problems.push(...errors.map((e) => `GraphQL: ${e.message}`));
  return [200, { data: null, errors: errors.map((e) => ({ message: e.message })) }];
}

function prOf(externalId) {
  try {
    return JSON.parse(externalId ?? '').pr ?? null;
  } catch {
    return null;
  }
}

/** "GraphQL", "POST /repos/{o}/{r}/check-runs": what was asked, for the per-delivery request count. */
function labelOf(method, path) {
  if (path === '/graphql') return 'POST /graphql';
  return `${method} ${path.replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/{o}/{r}').replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}
