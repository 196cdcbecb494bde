/** Where `steward eval run` stands in git: the commit, its branch, and whether that is the default branch. */
import { runGit } from '../../../platform/local/run-git.js';

export interface LocalHead {
  /** The commit evaluated; "unknown" outside a git repository (runs still work, they just name no commit). */
  sha: string;
  branch: string | null;
  onDefaultBranch: boolean;
}

const read = (dir: string, args: string[]): Promise<string | null> =>
  runGit(dir, args).then((out) => out.toString('utf8').trim() || null, () => null);

export async function readLocalHead(dir: string): Promise<LocalHead> {
  const sha = await read(dir, ['rev-parse', '--verify', '-q', 'HEAD']);
  const branch = await read(dir, ['symbolic-ref', '--short', '-q', 'HEAD']);
  if (!branch) return { sha: sha ?? 'unknown', branch: null, onDefaultBranch: false };
  return { sha: sha ?? 'unknown', branch, onDefaultBranch: branch === (await readDefaultBranch(dir)) };
}

/** As `steward check` finds it: origin/HEAD, else main, else master. */
async function readDefaultBranch(dir: string): Promise<string | null> {
  const remote = await read(dir, ['symbolic-ref', '--short', '-q', 'refs/remotes/origin/HEAD']);
  if (remote) return remote.replace(/^origin\//, '');
  for (const name of ['main', 'master']) {
    if (await read(dir, ['rev-parse', '--verify', '-q', `refs/heads/${name}`])) return name;
  }
  // A fresh repository without a commit yet: its current branch is the only one there is.
  return (await read(dir, ['config', '--get', 'init.defaultBranch'])) ?? 'main';
}
