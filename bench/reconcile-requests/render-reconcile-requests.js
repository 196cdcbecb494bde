/** The reconcile request rows and "How it is measured" paragraph of bench/RESULTS.md (issue 5, GitHub). */
import { meetsGoals } from './run-reconcile-requests.js';

const n = (x) => x.toLocaleString('en-US');
const verdict = (ok) => (ok ? 'pass' : 'FAIL');
const describe = (counts, skip = () => false) => Object.entries(counts).filter(([k]) => !skip(k))
  .map(([k, c]) => `${c}× ${k.replace(/^GraphQL /, '').replace('/repos/{owner}/{repo}/', '…/')}`).join(', ');

export function renderReconcileRequestRows(r) {
  const s = r.steward;
  const clean = r.problems.length === 0;
  return [
    [`GitHub requests to reconcile ${n(r.forks)} forks (${n(r.directForks)} direct, the rest forks of forks), Steward in all`,
      `${n(s.total)}`, `per-fork REST ${n(r.peerTotal)} (${describe(r.peerCounts)})`, `${r.ratio.toFixed(1)}× fewer`, verdict(meetsGoals(r))],
    ['Same, discovery + blob ids + texts', `${s.reads} (${describe(r.firstCounts, (k) => k.includes('/compare/'))})`,
      `minimum ${Math.ceil(r.forks / 100)} (one page of 100 forks)`, `goal ≤ ceil(${n(r.forks)} / 100) + 10 = ${s.readsGoal}`, verdict(s.reads <= s.readsGoal && clean)],
    ['Same, merge bases (REST compare)', String(s.compares), `${s.baseDecides} forks whose change only the merge base can judge`,
      `goal ≤ ${s.baseDecides}`, verdict(s.compares <= s.baseDecides && clean)],
    ['Same, second run with nothing changed: file texts read', `${r.secondTexts} StewardBlobTexts, ${r.secondCompares} compares (${r.secondTotal} requests in all)`,
      `per-fork REST reads every file again (${n(r.peer.files)})`, 'goal 0 texts, 0 compares', verdict(r.secondTexts === 0 && r.secondCompares === 0 && clean)],
    ['Same, verdicts (models × forks)', Object.entries(r.statuses).map(([k, c]) => `${k} ${c}`).join(', '), '',
      clean ? 'every planted fork judged as planted; every query valid against GitHub\'s schema' : r.problems.join('; '), 'reported'],
  ];
}

export const RECONCILE_REQUEST_METHOD = [
  '### How the reconcile request benchmark is measured',
  '',
  '- Network: bench/reconcile-requests/make-network.js: upstream `acme/models` (five `models/<m>/model.yml` with id, version and '
    + 'a sha256, and a README.md card with front matter; three commits: 1.0.0, 1.1.0, 1.2.0) and 1,000 direct forks: most unchanged, '
    + '100 behind (an older upstream commit, untouched), 50 conflict (same version, other sha256), 50 ahead (a newer version), 20 '
    + 'diverged (an older commit plus a change of their own), 10 with a model of their own, 10 private and forbidden, 4 deleted, 4 '
    + 'empty; 15 of the unchanged forks have 2 or 3 forks of their own (38 in all, some behind).',
  '- Fake api.github.com (bench/reconcile-requests/fake-api.js, fake-graphql.js) on nock: every GraphQL query is validated '
    + 'against GitHub\'s schema (@octokit/graphql-schema) and executed by graphql-js with resolvers over the network, so answers '
    + 'take the schema\'s shape (partial answers with NOT_FOUND / FORBIDDEN errors where GitHub gives them); every REST request '
    + 'must match a route of @octokit/openapi. Any invalid query, unknown route or field the fake lacks fails the bench.',
  '- Steward (from lib/): `createGitHubReconcileReader(octokit, { owner, repo, globs, registryGlobs, cache, mergeBases })` with '
    + '`createMemoryBlobCache()` and `createMemoryMergeBases()` (the caches the App keeps in its store), then '
    + '`reconcileForks(reader, { globs, idField: "id", versionField: "version" })`; every request counted by GraphQL operation '
    + 'name or REST route. Then a new reader with the same caches and nothing changed. Its verdicts are checked against what was '
    + 'planted in each fork.',
  '- Peer (bench/reconcile-requests/peer.js): the per-fork REST approach through @octokit/rest: `GET /repos/{o}/{r}`, '
    + '`GET .../forks?per_page=100` paged (and for every fork whose `forks_count > 0`), then for upstream and each fork '
    + '`GET .../git/trees/{branch}?recursive=1`, `GET .../contents/{path}` for each matching file, and for each fork '
    + '`GET .../compare/{base}...{owner}:{branch}`; a fork answering 404 or 409 is skipped after its tree request.',
];
