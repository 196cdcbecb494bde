/**
 * Issue 5, "How it is measured", first bullet: GitHub requests to reconcile 1,000 forks, counted on
 * a fake api.github.com (nock; GraphQL executed against GitHub's schema, REST routes checked against
 * GitHub's REST description). Steward: the GitHub reconcile reader (lib/) and reconcileForks over an
 * in-memory blob cache, through @octokit/rest; then a second run with the same cache and nothing
 * changed. Peer: the per-fork REST approach (peer.js). Each side's verdicts are checked too, so a
 * cheap but wrong run cannot pass.
 */
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { mockGitHubNetwork } from './fake-api.js';
import { GLOBS, MODELS, REGISTRY_GLOBS, UPSTREAM, makeRequestNetwork } from './make-network.js';
import { runPerForkRest } from './peer.js';

const COMPARE = 'GET /repos/{owner}/{repo}/compare/{basehead}';
const TEXTS = 'GraphQL StewardBlobTexts';
/** The forks whose metadata changed in a way only the merge base decides (ahead, diverged, a model of their own). */
const BASE_DECIDES = new Set(['ahead', 'new', 'diverged']);
const PLANTED = { behind: 'behind', conflict: 'conflict', ahead: 'ahead', new: 'new', diverged: 'diverged' };

async function loadSteward() {
  const { createGitHubReconcileReader } = await import('../../lib/transports/github-reconcile-reader.js');
  const { createMemoryBlobCache, createMemoryMergeBases } = await import('../../lib/transports/memory-reconcile-state.js');
  const { reconcileForks } = await import('../../lib/workflows/reconcile-forks.js');
  return { createGitHubReconcileReader, createMemoryBlobCache, createMemoryMergeBases, reconcileForks };
}

/** `state`: the blob cache and the merge-base cache the App keeps in its store between runs. */
async function runSteward(steward, state) {
  const client = new Octokit({ auth: 'ghs_bench', request: { retries: 0 } });
  const [owner, repo] = UPSTREAM.split('/');
  const reader = steward.createGitHubReconcileReader(client, { owner, repo, globs: GLOBS, registryGlobs: REGISTRY_GLOBS, ...state });
  return steward.reconcileForks(reader, { globs: GLOBS, idField: 'id', versionField: 'version' });
}

const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** What is wrong with the report: a planted fork not judged as planted, a skipped fork read, a readable fork skipped. */
function checkReport(network, report) {
  const problems = [];
  const statuses = {};
  const byFork = new Map();
  for (const model of report.models) {
    for (const judged of model.forks) {
      statuses[judged.verdict.status] = (statuses[judged.verdict.status] ?? 0) + 1;
      if (!byFork.has(judged.fork)) byFork.set(judged.fork, new Set());
      byFork.get(judged.fork).add(judged.verdict.status);
    }
  }
  const skipped = new Set(report.forks.filter((f) => f.skipped !== null).map((f) => f.name));
  for (const fork of network.forks) {
    const unreadable = fork.state !== undefined;
    if (unreadable !== [...skipped].some((name) => name === fork.name || (fork.state === 'gone' && name.startsWith(`${fork.parent} (unreadable`)))) {
      problems.push(`${fork.name} (${fork.kind}) was ${unreadable ? 'read' : 'skipped'}`);
    }
    const want = PLANTED[fork.kind];
    if (want && !byFork.get(fork.name)?.has(want)) problems.push(`${fork.name} planted ${fork.kind}, judged ${[...(byFork.get(fork.name) ?? [])].join('/') || 'nothing'}`);
  }
  return { statuses, problems: problems.length > 5 ? [...problems.slice(0, 5), `and ${problems.length - 5} more`] : problems };
}

export async function runReconcileRequestsBench({ directForks = 1000, log = () => {} } = {}) {
  const network = makeRequestNetwork(directForks);
  const steward = await loadSteward();
  nock.disableNetConnect();
  const github = mockGitHubNetwork(network);
  try {
    const state = { cache: steward.createMemoryBlobCache(), mergeBases: steward.createMemoryMergeBases() };
    const first = await runSteward(steward, state);
    const firstCounts = github.countSince(0);
    const checked = checkReport(network, first.report);
    const mark = github.requests.length;
    await runSteward(steward, state);
    const secondCounts = github.countSince(mark);
    const peerMark = github.requests.length;
    const peer = await runPerForkRest({ upstream: UPSTREAM, globs: GLOBS });
    const peerCounts = github.countSince(peerMark);
    return summarize({ network, firstCounts, secondCounts, peer, peerCounts, checked, problems: [...new Set(github.problems)], log });
  } finally {
    github.done();
    nock.enableNetConnect();
  }
}

function summarize({ network, firstCounts, secondCounts, peer, peerCounts, checked, problems, log }) {
  const forks = network.forks.length;
  const compares = firstCounts[COMPARE] ?? 0;
  const stewardTotal = total(firstCounts);
  const reads = stewardTotal - compares;
  const baseDecides = network.forks.filter((f) => BASE_DECIDES.has(f.kind)).length;
  const result = {
    forks, directForks: network.direct, kinds: network.counts, models: MODELS.length, firstCounts, secondCounts, peerCounts, peer,
    steward: { total: stewardTotal, reads, compares, baseDecides, readsGoal: Math.ceil(forks / 100) + 10 },
    peerTotal: total(peerCounts), secondTexts: secondCounts[TEXTS] ?? 0, secondCompares: secondCounts[COMPARE] ?? 0, secondTotal: total(secondCounts),
    statuses: checked.statuses,
    problems: [...problems, ...checked.problems.map((p) => `Steward's verdicts: ${p}`)],
  };
  result.ratio = result.peerTotal / stewardTotal;
  if (peer.read !== network.forks.filter((f) => !f.state).length) result.problems.push(`the peer read ${peer.read} forks`);
  const line = (counts) => Object.entries(counts).map(([k, n]) => `${n}× ${k}`).join(', ');
  log(`   network: ${forks} forks (${network.direct} direct), ${JSON.stringify(network.counts)}`);
  log(`   Steward, first run: ${stewardTotal} requests (${line(firstCounts)})`);
  log(`   Steward, second run, nothing changed: ${result.secondTotal} requests (${line(secondCounts)})`);
  log(`   peer (per-fork REST): ${result.peerTotal} requests (${line(peerCounts)}); ${result.ratio.toFixed(1)}× Steward's`);
  log(`   verdicts: ${JSON.stringify(checked.statuses)}${result.problems.length ? `; problems: ${result.problems.join('; ')}` : ''}`);
  return result;
}

/** Whether every goal is met (bench/run.js turns false into exit code 1). */
export function meetsGoals(r) {
  return r.problems.length === 0 && r.steward.reads <= r.steward.readsGoal && r.steward.compares <= r.steward.baseDecides && r.secondTexts === 0 && r.secondCompares === 0;
}
