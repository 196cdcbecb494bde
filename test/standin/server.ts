/**
 * A GitHub stand-in for whole-process tests: a real HTTP server on 127.0.0.1 that answers the REST
 * and GraphQL calls Steward makes from a small in-memory GitHub, refuses what GitHub's OpenAPI and
 * GraphQL descriptions would refuse, records every request, and injects faults by rule.
 *
 * API:
 *   const gh = await startStandin({ appId: 123 });   appId: the iss an App JWT must carry (any when omitted)
 *   gh.url                         http://127.0.0.1:PORT; serves /api/v3/..., /api/graphql and plain /..., /graphql
 *   gh.restUrl / gh.graphqlUrl     `${url}/api/v3` (Octokit baseUrl, as Probot builds it from GHE_HOST) and `${url}/api/graphql`
 *   gh.env                         { GHE_HOST: '127.0.0.1:PORT', GHE_PROTOCOL: 'http' } for `steward serve`
 *   gh.seed.repository({ owner, name, files?, refs?, permissions?, members? }), .pullRequest({...}), .workflowRun({...})
 *   gh.issueToken(installationId)  an installation token without the App JWT dance
 *   gh.state                       the in-memory GitHub (checkRuns, comments, dispatches, runs, ...)
 *   gh.requests() / gh.writes(route?) / gh.violations()
 *   gh.fault({ method?, route? | operation?, times?, after?, reply }) / gh.clearFaults()
 *   await gh.close()
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokens } from './auth.js';
import { createFaults } from './faults.js';
import { createHandlers, handle, type Incoming, type World } from './pipeline.js';
import type { RestAnswer } from './rest-kit.js';
import { serveStorage } from './rest-artifacts.js';
import { createState, seedPullRequest, seedRepository, seedWorkflowRun, type State } from './state.js';
import type { FaultRule, RecordedRequest, SeedPullRequest, SeedRepository, SeedWorkflowRun, Violation } from './types.js';

export interface StandinOptions { appId?: number }

export interface Standin {
  url: string;
  restUrl: string;
  graphqlUrl: string;
  env: { GHE_HOST: string; GHE_PROTOCOL: 'http' };
  state: State;
  seed: {
    repository(seed: SeedRepository): void;
    pullRequest(seed: SeedPullRequest): void;
    workflowRun(seed: SeedWorkflowRun): number;
  };
  issueToken(installationId?: number): string;
  /** Every installation token the stand-in issued (for leak tests: none may reach a log line). */
  issuedTokens(): string[];
  /** Every credential (JWT or token, without its scheme) a client sent in an authorization header. */
  credentialsSeen(): string[];
  requests(): RecordedRequest[];
  writes(route?: string): RecordedRequest[];
  violations(): Violation[];
  fault(rule: FaultRule): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const NOT_WRITES = new Set(['/graphql', '/app/installations/{installation_id}/access_tokens']);

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const tokens = createTokens();
  const world: World = {
    state: createState(), tokens, faults: createFaults(), appId: options.appId ?? null, url: '',
    records: [], violations: [], handlers: createHandlers(tokens),
  };
  const timers = new Set<NodeJS.Timeout>();
  const credentials = new Set<string>();
  const server = createServer((req, res) => {
    const credential = req.headers.authorization?.trim().split(/\s+/, 2)[1];
    if (credential) credentials.add(credential);
    void serveHttp(world, timers, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  world.url = `http://${host}/api/v3`;
  const url = `http://${host}`;
  return {
    url, restUrl: `${url}/api/v3`, graphqlUrl: `${url}/api/graphql`, env: { GHE_HOST: host, GHE_PROTOCOL: 'http' }, state: world.state,
    seed: {
      repository: (seed) => void seedRepository(world.state, seed),
      pullRequest: (seed) => void seedPullRequest(world.state, seed),
      workflowRun: (seed) => seedWorkflowRun(world.state, seed).id,
    },
    issueToken: (installationId = 1) => tokens.issue(installationId),
    issuedTokens: () => [...tokens.issued.keys()],
    credentialsSeen: () => [...credentials],
    requests: () => world.records.map((r) => ({ ...r })),
    writes: (route) => world.records.filter((r) => WRITES.has(r.method) && !NOT_WRITES.has(r.route) && (!route || r.route === route || r.path === route)),
    violations: () => world.violations.map((v) => ({ ...v, problems: [...v.problems] })),
    fault: (rule) => world.faults.add(rule),
    clearFaults: () => world.faults.clear(),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serveHttp(world: World, timers: Set<NodeJS.Timeout>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Artifact storage (GitHub's redirect target) is not the API: served as is, neither checked nor recorded.
  if (serveStorage(world.state, req, res)) return;
  const incoming = await readIncoming(req);
  if (typeof incoming === 'string') return reply(res, { status: 400, body: { message: incoming, documentation_url: 'https://docs.github.com/rest' } });
  const outcome = handle(world, incoming);
  if ('delayMs' in outcome) {
    // A slow GitHub: the answer (and any write) still happens, after the client may have given up.
    const timer = setTimeout(() => {
      timers.delete(timer);
      reply(res, outcome.then());
    }, outcome.delayMs);
    timers.add(timer);
    return;
  }
  reply(res, outcome);
}

/** The request with the GitHub Enterprise prefixes taken off: /api/v3/x -> /x, /api/graphql -> /graphql. */
async function readIncoming(req: IncomingMessage): Promise<Incoming | string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://standin');
  const path = url.pathname.replace(/^\/api\/v3(?=\/|$)/, '').replace(/^\/api\/graphql$/, '/graphql').replace(/\/+$/, '') || '/';
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return 'Problems parsing JSON';
  }
  return { method: (req.method ?? 'GET').toUpperCase(), path, received: url.pathname, query: Object.fromEntries(url.searchParams), body, authorization: req.headers.authorization };
}

function reply(res: ServerResponse, answer: RestAnswer): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = {
    'x-github-request-id': `STANDIN:${Math.random().toString(16).slice(2, 10).toUpperCase()}`,
    'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-used': '1',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600), 'x-ratelimit-resource': 'core',
    ...(answer.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...(answer.headers ?? {}),
  };
  res.writeHead(answer.status, headers);
  res.end(answer.body !== undefined ? JSON.stringify(answer.body) : undefined);
}
