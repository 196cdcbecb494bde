/**
 * The per-fork REST approach (the peer): what a script on @octokit/rest does without GraphQL.
 * List forks 100 a page (and the forks of every fork whose forks_count > 0), then for upstream and
 * every fork: its recursive tree (which metadata files it has), each matching file's contents, and
 * for every fork a compare with upstream (the merge base). Real calls through @octokit/rest, a few at
 * a time; a fork that answers 404 or 409 (private, empty) is skipped after that one request.
 */
import { Octokit } from '@octokit/rest';
import picomatch from 'picomatch';

const CONCURRENCY = 8;
/** 404s and 409s of private and empty forks are expected here: Octokit's request log would print each. */
const QUIET = { debug() {}, info() {}, warn() {}, error() {} };

async function listForks(octokit, fullName) {
  const [owner, repo] = fullName.split('/');
  const forks = [];
  for (let page = 1; ; page++) {
    const { data } = await octokit.rest.repos.listForks({ owner, repo, per_page: 100, page });
    forks.push(...data);
    if (data.length < 100) break;
  }
  const nested = [];
  for (const fork of forks) if (fork.forks_count > 0) nested.push(...(await listForks(octokit, fork.full_name)));
  return [...forks, ...nested];
}

/** The metadata files of one repository at its default branch: path → text; null when it cannot be read. */
async function readFiles(octokit, fullName, branch, matches) {
  const [owner, repo] = fullName.split('/');
  let tree;
  try {
    tree = (await octokit.rest.git.getTree({ owner, repo, tree_sha: branch, recursive: '1' })).data.tree;
  } catch (error) {
    if (error.status === 404 || error.status === 409) return null;
    throw error;
  }
  const files = new Map();
  for (const entry of tree.filter((e) => e.type === 'blob' && matches(e.path))) {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: entry.path, ref: branch });
    files.set(entry.path, Buffer.from(data.content, 'base64').toString('utf8'));
  }
  return files;
}

async function mergeBase(octokit, upstream, fork) {
  const [owner, repo] = upstream.name.split('/');
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${upstream.branch}...${fork.owner.login}:${fork.default_branch}` });
  return data.merge_base_commit.sha;
}

async function runBounded(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Returns { forks listed, forks read, files read }. */
export async function runPerForkRest({ upstream, globs }) {
  const octokit = new Octokit({ auth: 'ghs_bench', request: { retries: 0 }, log: QUIET });
  const matches = picomatch(globs, { dot: true });
  const [owner, repo] = upstream.split('/');
  const { data: meta } = await octokit.rest.repos.get({ owner, repo });
  const up = { name: upstream, branch: meta.default_branch };
  const upstreamFiles = await readFiles(octokit, upstream, up.branch, matches);
  const forks = await listForks(octokit, upstream);
  const read = await runBounded(forks, CONCURRENCY, async (fork) => {
    const files = await readFiles(octokit, fork.full_name, fork.default_branch, matches);
    if (files === null) return null;
    return { files, base: await mergeBase(octokit, up, fork) };
  });
  const readable = read.filter((r) => r !== null);
  return { listed: forks.length, read: readable.length, files: upstreamFiles.size + readable.reduce((n, r) => n + r.files.size, 0) };
}
