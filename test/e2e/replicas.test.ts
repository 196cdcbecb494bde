/**
 * Two `steward serve` replicas on one database (PostgreSQL when DATABASE_URL is set, and a shared
 * SQLite file), the same delivery sent to both at once: one replica does the work, so GitHub sees
 * one check run per name and one workflow dispatch for the evaluation the pull request triggers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { startStandin, type Standin } from '../standin/index.js';
import { startApp, stopAllApps } from './app-process.js';
import { waitFor, waitForQuiet } from './wait.js';
import { buildServeBundle, type ServeBundle } from './build-serve.js';
import { replicaDatabases, type SharedDatabase } from './databases.js';
import { E2E_OWNER, E2E_PULL, E2E_REPO, pullRequestEvent } from './github-events.js';
import { CARD, CARD_CHECK, EVAL_CHECK, EVAL_CONFIG, STYLE_CHECK, checkCreations, checksCompleted, loggedProblems, pullReads, seedPull } from './world.js';

const HEAD = 'e'.repeat(40);
let bundle: ServeBundle;
let standin: Standin | undefined;
let database: SharedDatabase | undefined;
beforeAll(async () => void (bundle = await buildServeBundle()), 60_000);
afterAll(() => bundle?.remove());
afterEach(async () => {
  await stopAllApps();
  await standin?.close();
  await database?.drop();
});

// The same delivery (a redelivery reaching both), or two deliveries for one head (opened, then reopened at once).
const ARRIVALS: [string, [string, string][]][] = [
  ['the same delivery', [['opened', 'replicated-1'], ['opened', 'replicated-1']]],
  ['two deliveries for one head', [['opened', 'replicated-1'], ['reopened', 'replicated-2']]],
];
const CASES = replicaDatabases().flatMap(([db, create]) => ARRIVALS.map(([arrival, sends]) => [db, arrival, create, sends] as const));

describe('two replicas receive the same event at once (real processes)', () => {
  it.each(CASES)('%s, %s to both: one check run per name, one dispatch', async (_db, _arrival, createDatabase, sends) => {
    database = await createDatabase();
    standin = await startStandin({ appId: 123 });
    standin.seed.repository({ owner: E2E_OWNER, name: E2E_REPO, defaultBranch: 'master', files: { '.github/steward.yml': EVAL_CONFIG, 'models/bert/README.md': '# Bert\n' } });
    seedPull(standin, { headSha: HEAD, headFiles: { 'models/bert/README.md': CARD } });
    const secret = randomBytes(16).toString('hex');
    // One after the other: the first replica migrates the database, the second finds it current.
    const first = await startApp({ bundle, standin, databaseUrl: database.url, secret });
    const second = await startApp({ bundle, standin, databaseUrl: database.url, secret });

    const statuses = await Promise.all([first, second].map((app, i) => app.sendWebhook('pull_request', pullRequestEvent(sends[i]![0], { headSha: HEAD }), { id: sends[i]![1] })));
    expect(statuses).toEqual([200, 200]);
    await waitFor(checksCompleted(standin, HEAD, [STYLE_CHECK, CARD_CHECK]), 25_000, standin);
    await waitFor(() => standin!.state.dispatches.length > 0, 15_000, standin);
    await waitForQuiet(standin, 2_000);

    expect(checkCreations(standin)).toEqual([`${EVAL_CHECK}@${HEAD}`, `${CARD_CHECK}@${HEAD}`, `${STYLE_CHECK}@${HEAD}`]);
    expect(standin.state.dispatches).toHaveLength(1);
    // A second delivery is worked (it may carry news), the same one is not.
    expect(pullReads(standin)).toBe(new Set(sends.map(([, id]) => id)).size);
    expect(standin.violations()).toEqual([]);
    expect(loggedProblems(first, second)).toEqual([]);
  }, 90_000);
});

// Four repositories of one installation, two pull requests sent to each replica at once: without a
// shared pace each replica would write a second apart on its own, the two together twice as often.
const PACED_REPOS = ['paced-a', 'paced-b', 'paced-c', 'paced-d'];
const POSTGRES = replicaDatabases().filter(([name]) => name.includes('PostgreSQL'));

describe('two replicas on PostgreSQL write to one installation (real processes)', () => {
  (POSTGRES.length ? it : it.skip)('start their REST writes at least a second apart between them', async () => {
    database = await POSTGRES[0]![1]();
    standin = await startStandin({ appId: 123 });
    for (const [i, repo] of PACED_REPOS.entries()) {
      standin.seed.repository({ owner: E2E_OWNER, name: repo, defaultBranch: 'master', files: {} });
      standin.seed.pullRequest({ owner: E2E_OWNER, repo, number: E2E_PULL, headSha: String(i + 1).repeat(40), title: 'feat: add bert', headFiles: { 'src/train.py': 'print("train")\n' } });
    }
    const secret = randomBytes(16).toString('hex');
    const first = await startApp({ bundle, standin, databaseUrl: database.url, secret });
    const second = await startApp({ bundle, standin, databaseUrl: database.url, secret });
    const event = (i: number) => {
      const payload = pullRequestEvent('opened', { headSha: String(i + 1).repeat(40) }) as { repository: Record<string, unknown> };
      payload.repository = { ...payload.repository, name: PACED_REPOS[i], full_name: `${E2E_OWNER}/${PACED_REPOS[i]}` };
      return payload;
    };
    const statuses = await Promise.all(PACED_REPOS.map((_, i) => (i % 2 ? second : first).sendWebhook('pull_request', event(i), { id: `paced-${i}` })));
    expect(statuses).toEqual([200, 200, 200, 200]);
    await waitFor(() => PACED_REPOS.every((_, i) => checksCompleted(standin!, String(i + 1).repeat(40), [STYLE_CHECK])()), 30_000, standin);

    const writes = standin.requests().filter((r) => r.method !== 'GET' && r.route !== '/graphql' && !r.route.includes('access_tokens'));
    expect(writes.length).toBeGreaterThanOrEqual(PACED_REPOS.length);
    const times = writes.map((w) => w.time).sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // A little under a second: the stand-in stamps arrival, a replica stamps its slot before sending.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(900);
    expect(standin.violations()).toEqual([]);
    expect(loggedProblems(first, second)).toEqual([]);
  }, 90_000);
});

