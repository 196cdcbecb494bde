/**
 * GitHub requests per pull_request.opened: the real adapter (createGitHubAdapter), the lead's
 * checkPullRequest and publishCheck, against a fake api.github.com on nock. The client holds a
 * token, so there is no installation-token request to leave out.
 */
import { createRequire } from 'node:module';
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { makeModel, mockGitHub } from './fake-github.js';

const require = createRequire(import.meta.url);
const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const CONFIG = [
  'style:',
  '  rules:',
  '    labels: { severity: error, required-one-of: [model, docs, infra] }',
  '    forbidden-paths: { severity: error, paths: ["secrets/**", "**/*.pem"] }',
  '',
].join('\n');

const CASES = [
  { name: 'typical PR (20 commits, 30 files)', commits: 20, files: 30, goal: 4 },
  { name: 'large PR (300 commits, 3,000 files)', commits: 300, files: 3000, goal: 40 },
];

/** Issue 3: a pull request that changes 100 model cards; the goal counts the reads of the cards alone. */
const CARD_CASE = { name: 'PR changing 100 model cards, reading the cards', commits: 5, files: 100, goal: 3, minimum: 1 };

/** The fewest requests GitHub's page sizes allow: 100 nodes a page, commits riding along with files, one write. */
const minimumFor = ({ commits, files }) => Math.max(1, Math.ceil(files / 100), Math.ceil(commits / 100)) + 1;

/** The pull_request.opened example payload, pointed at the generated pull request. */
function openedPayload(model) {
  const examples = require('@octokit/webhooks-examples').find((w) => w.name === 'pull_request').examples;
  const payload = structuredClone(examples.find((e) => e.action === 'opened'));
  Object.assign(payload.pull_request, { number: model.number, commits: model.commitNodes.length, changed_files: model.fileNodes.length });
  payload.pull_request.head.sha = model.headSha;
  payload.pull_request.base.sha = model.baseSha;
  payload.repository.default_branch = 'main';
  return payload;
}

/** "2 GraphQL StewardPullRequest*, 1 POST /repos/.../check-runs": what the requests were, grouped. */
function describeRequests(requests) {
  const counts = new Map();
  for (const r of requests) {
    const label = r.query ? `GraphQL ${/^\s*query\s+(\w+)/.exec(r.query)?.[1] ?? 'query'}` : `${r.method} ${r.path.replace(/^\/repos\/[^/]+\/[^/]+/, '').split('?')[0]}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${n}× ${label}`).join(', ');
}

export async function runRequestsBench({ log = () => {} } = {}) {
  const { createGitHubAdapter } = await import('../../lib/platform/github/create-github-adapter.js');
  const { checkPullRequest, publishCheck } = await import('../../lib/workflows/check-pull-request.js');
  nock.disableNetConnect();
  const results = [];
  for (const c of CASES) {
    const model = makeModel({ owner: OWNER, repo: REPO, number: 2, commits: c.commits, files: c.files, config: CONFIG });
    const payload = openedPayload(model);
    const github = mockGitHub(model);
    try {
      const octokit = new Octokit({ auth: 'ghs_bench', request: { retries: 0 } });
      const adapter = createGitHubAdapter(octokit);
      const ref = { owner: OWNER, repo: REPO, number: payload.pull_request.number, headSha: payload.pull_request.head.sha, defaultBranch: payload.repository.default_branch };
      const outcome = await checkPullRequest(adapter, ref, { waivers: [] });
      await publishCheck(adapter, { owner: OWNER, repo: REPO }, outcome);
      const seen = outcome.snapshot.pr;
      const notes = [...github.problems];
      if (seen.commits.length !== c.commits || seen.files.length !== c.files) notes.push(`the adapter read ${seen.commits.length} commits and ${seen.files.length} files`);
      const detail = describeRequests(github.requests);
      results.push({ ...c, count: github.requests.length, minimum: minimumFor(c), detail, notes, requests: github.requests });
      log(`  ${c.name}: ${github.requests.length} requests (${detail}), minimum ${minimumFor(c)}${notes.length ? `; ${notes.join('; ')}` : ''}`);
    } finally {
      github.done();
    }
  }
  results.push(await runCardCase({ createGitHubAdapter, checkPullRequest, log }));
  return results;
}

/** The style load, then the card check on what it loaded: only the requests of the card check count. */
async function runCardCase({ createGitHubAdapter, checkPullRequest, log }) {
  const { checkModelCards } = await import('../../lib/workflows/check-model-cards.js');
  const c = CARD_CASE;
  const model = makeModel({ owner: OWNER, repo: REPO, number: 3, commits: c.commits, files: c.files, config: CONFIG, cards: true });
  const payload = openedPayload(model);
  const github = mockGitHub(model);
  try {
    const adapter = createGitHubAdapter(new Octokit({ auth: 'ghs_bench', request: { retries: 0 } }));
    const ref = { owner: OWNER, repo: REPO, number: payload.pull_request.number, headSha: payload.pull_request.head.sha, defaultBranch: 'main' };
    const outcome = await checkPullRequest(adapter, ref, { waivers: [] });
    const before = github.requests.length;
    const cards = await checkModelCards(adapter, { owner: OWNER, repo: REPO }, { snapshot: outcome.snapshot, config: outcome.resolved.config });
    const reads = github.requests.slice(before);
    const notes = [...github.problems];
    if (cards?.cards.length !== c.files) notes.push(`the card check read ${cards?.cards.length ?? 0} cards`);
    const detail = describeRequests(reads);
    log(`  ${c.name}: ${reads.length} requests (${detail}), minimum ${c.minimum}`);
    return { ...c, count: reads.length, minimum: c.minimum, detail, notes, requests: reads };
  } finally {
    github.done();
  }
}
