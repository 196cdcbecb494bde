/**
 * A fork network of `acme/models` for counting GitHub requests (issue 5): upstream holds five
 * registry files models/<m>/model.yml (id, version, sha256) and a README.md card with front matter,
 * built over three commits (every model 1.0.0, then 1.1.0, then 1.2.0 at HEAD). 1,000 direct forks,
 * planted by index i:
 *   i % 10 = 1  behind: forked at an older upstream commit and untouched (its blobs are in upstream's history)
 *   i % 20 = 2  conflict: one model at 1.2.0 with other sha256 values
 *   i % 20 = 3  ahead: one model at 1.3.0 of its own
 *   i % 100 = 4 new: a model of its own under models/
 *   i % 50 = 8  diverged: forked at 1.1.0, one model changed to 1.1.1
 *   i % 100 = 5 private and forbidden; i % 250 = 6 deleted (GraphQL answers a null node); i % 250 = 7 empty
 *   i % 10 = 0 and i < 150: 15 unchanged forks with 2 or 3 forks of their own (the second one behind)
 *   the rest unchanged.
 * Blob ids are git's (sha1 of "blob <size>\0<text>"), so equal texts share one id as on GitHub.
 */
import { createHash } from 'node:crypto';

export const UPSTREAM = 'acme/models';
export const MODELS = ['llama-ft', 'mistral-q4', 'phi-mini', 'qwen-chat', 'gemma-it'];
export const REGISTRY_GLOBS = ['models/*/model.yml'];
export const GLOBS = [...REGISTRY_GLOBS, 'README.md'];

export const oidOf = (text) => createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');
export const shaOf = (label) => createHash('sha1').update(label).digest('hex');
const digest = (seed) => createHash('sha256').update(seed).digest('hex');

export function modelYml(id, version, seed = `${id}@${version}`) {
  return `id: ${id}\nversion: ${version}\nlicense: apache-2.0\nbase_model: org/${id}-base\nfiles:\n`
    + `  - path: model.safetensors\n    sha256: ${digest(seed)}\n`;
}

const CARD = '---\nlicense: apache-2.0\nbase_model: org/base\nbase_model_relation: finetune\ntags: [text-generation]\n---\n# Models\n\nFine-tunes of open models.\n';
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0'];

/** Upstream's three commits, oldest first: sha → { path: text }. */
function upstreamCommits() {
  return VERSIONS.map((version) => ({
    sha: shaOf(`upstream ${version}`),
    files: { ...Object.fromEntries(MODELS.map((m) => [`models/${m}/model.yml`, modelYml(m, version)])), 'README.md': CARD },
  }));
}

/** What fork i holds, where it left upstream, and how GitHub answers for it. */
function plantFork(i, commits) {
  const [c1, c2, c3] = commits;
  const model = MODELS[i % MODELS.length];
  const path = `models/${model}/model.yml`;
  const fork = { name: `user${i}/models`, branch: i % 7 === 0 ? 'develop' : 'main', files: { ...c3.files }, mergeBase: c3.sha, kind: 'unchanged', forks: [] };
  if (i % 100 === 5) return { ...fork, kind: 'forbidden', state: 'forbidden', isPrivate: true };
  if (i % 250 === 6) return { ...fork, kind: 'deleted', state: 'gone' };
  if (i % 250 === 7) return { ...fork, kind: 'empty', state: 'empty', files: {} };
  if (i % 10 === 1) {
    const at = i % 20 === 1 ? c2 : c1;
    return { ...fork, kind: 'behind', files: { ...at.files }, mergeBase: at.sha };
  }
  if (i % 20 === 2) return { ...fork, kind: 'conflict', files: { ...c3.files, [path]: modelYml(model, '1.2.0', `fork ${i}`) } };
  if (i % 20 === 3) return { ...fork, kind: 'ahead', files: { ...c3.files, [path]: modelYml(model, '1.3.0', `fork ${i}`) } };
  if (i % 100 === 4) return { ...fork, kind: 'new', files: { ...c3.files, [`models/own-${i}/model.yml`]: modelYml(`own-${i}`, '0.1.0') } };
  if (i % 50 === 8) return { ...fork, kind: 'diverged', files: { ...c2.files, [path]: modelYml(model, '1.1.1', `fork ${i}`) }, mergeBase: c2.sha };
  return fork;
}

/** Forks of fork `parent`: 2 or 3, the second one left at upstream's oldest commit. */
function plantSubForks(parent, j, commits) {
  return Array.from({ length: 2 + (j % 2) }, (_, k) => {
    const behind = k === 1;
    const at = behind ? commits[0] : commits[2];
    return { name: `sub${j}-${k}/models`, branch: 'main', files: { ...at.files }, mergeBase: at.sha, kind: behind ? 'behind' : 'unchanged', forks: [], parent: parent.name };
  });
}

/** { upstream, repos: Map name → repo, commits, forks (all, in listing order), counts by kind }. */
export function makeRequestNetwork(directForks = 1000) {
  const commits = upstreamCommits();
  const head = commits.at(-1);
  const upstream = { name: UPSTREAM, branch: 'main', head: head.sha, files: { ...head.files }, forks: [], kind: 'upstream' };
  const direct = Array.from({ length: directForks }, (_, i) => ({ ...plantFork(i, commits), parent: UPSTREAM }));
  const subs = [];
  direct.filter((f, i) => i % 10 === 0 && i < 150).forEach((parent, j) => {
    const children = plantSubForks(parent, j, commits);
    parent.forks = children.map((c) => c.name);
    subs.push(...children);
  });
  upstream.forks = direct.map((f) => f.name);
  const forks = [...direct, ...subs];
  for (const f of forks) f.head = f.state === 'empty' ? null : shaOf(`head ${f.name}`);
  const repos = new Map([upstream, ...forks].map((r) => [r.name, r]));
  const counts = {};
  for (const f of forks) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return { upstream, repos, commits, forks, direct: direct.length, counts };
}

/** Blob ids upstream held at `path`, newest first (Commit.history of the default branch). */
export function upstreamHistoryOf(network, path) {
  const oids = network.commits.map((c) => c.files[path]).filter((t) => t !== undefined).map(oidOf).reverse();
  return oids.filter((oid, i) => oid !== oids[i - 1]);
}
