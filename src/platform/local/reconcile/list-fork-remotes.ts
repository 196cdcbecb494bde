/**
 * Which remotes of a clone are the forks, which is upstream, and the ref to read for each. Reads
 * only local refs (no `ls-remote`), so it never touches the network: a remote's default branch is
 * refs/remotes/<r>/HEAD when set, else its `main`, else its `master`.
 */
import { GitCommandError, runGit } from '../run-git.js';

export interface ForkRemote {
  name: string;
  /** Full ref name to read, e.g. refs/remotes/alice/main; null when none is fetched (see problem). */
  ref: string | null;
  problem: string | null;
}

export interface ForkRemotes {
  /** name "." when the clone has no upstream remote: the local default branch is upstream. */
  upstream: { name: string; ref: string };
  forks: ForkRemote[];
}

export interface ForkRemoteOptions {
  remotes?: readonly string[];
  all?: boolean;
}

export async function listForkRemotes(repo: string, options: ForkRemoteOptions): Promise<ForkRemotes> {
  const remotes = (await gitText(repo, ['remote'])).split('\n').filter(Boolean).sort();
  const refs = await readRemoteRefs(repo);
  const upstream = await findUpstream(repo, remotes, refs);
  const named = [...new Set([...(options.all ? remotes.filter((r) => r !== upstream.name) : []), ...(options.remotes ?? [])])];
  const forks = named.map((name) => describeFork(name, remotes, refs, upstream.name));
  return { upstream, forks };
}

function describeFork(name: string, remotes: readonly string[], refs: Map<string, string>, upstream: string): ForkRemote {
  if (!remotes.includes(name)) {
    return { name, ref: null, problem: `no remote named "${name}" in this clone; add it with \`git remote add ${name} <url>\`` };
  }
  if (name === upstream) return { name, ref: null, problem: `"${name}" is the upstream (the remote the default branch tracks), not a fork` };
  const ref = resolveRemoteDefault(name, refs);
  if (ref) return { name, ref, problem: null };
  return {
    name,
    ref: null,
    problem: `remote "${name}" has no fetched default branch (no refs/remotes/${name}/HEAD, main or master); run \`git fetch ${name}\` or \`git remote set-head ${name} <branch>\``,
  };
}

/** refname → symbolic target ('' when the ref is not symbolic), for every remote-tracking ref, in one call. */
async function readRemoteRefs(repo: string): Promise<Map<string, string>> {
  const text = await gitText(repo, ['for-each-ref', '--format=%(refname)%00%(symref)', 'refs/remotes']);
  const refs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [name, target] = line.split('\0');
    if (name) refs.set(name, target ?? '');
  }
  return refs;
}

export function resolveRemoteDefault(remote: string, refs: Map<string, string>): string | null {
  const prefix = `refs/remotes/${remote}/`;
  const head = refs.get(`${prefix}HEAD`);
  if (head && refs.has(head)) return head;
  for (const branch of ['main', 'master']) if (refs.has(prefix + branch)) return prefix + branch;
  return null;
}

async function findUpstream(repo: string, remotes: readonly string[], refs: Map<string, string>): Promise<ForkRemotes['upstream']> {
  const branch = await gitOptional(repo, ['symbolic-ref', '-q', 'HEAD']);
  if (branch) {
    const short = branch.replace(/^refs\/heads\//, '');
    const remote = await gitOptional(repo, ['config', '--get', `branch.${short}.remote`]);
    const tracked = await gitOptional(repo, ['rev-parse', '--symbolic-full-name', `${short}@{upstream}`]);
    if (remote && remote !== '.' && remotes.includes(remote) && tracked?.startsWith('refs/remotes/')) return { name: remote, ref: tracked };
  }
  const origin = remotes.includes('origin') ? resolveRemoteDefault('origin', refs) : null;
  if (origin) return { name: 'origin', ref: origin };
  return { name: '.', ref: branch ?? 'HEAD' };
}

async function gitText(repo: string, args: readonly string[]): Promise<string> {
  return (await runGit(repo, args)).toString('utf8').trim();
}

/** stdout, or null when git answers "no such thing" (a non-zero exit): no upstream, detached HEAD. */
async function gitOptional(repo: string, args: readonly string[]): Promise<string | null> {
  try {
    return (await gitText(repo, args)) || null;
  } catch (error) {
    if (error instanceof GitCommandError) return null;
    throw error;
  }
}
