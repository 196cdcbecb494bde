/**
 * Which commits a local check covers: base..head, as a pull request from head into the default
 * branch would. head defaults to HEAD; base to the merge base with the default branch. When head is
 * already on the default branch there is nothing to compare, so the whole history up to head is
 * checked (`fromRoot`), and the CLI says so.
 */
import { stat } from 'node:fs/promises';
import { simpleGit, type SimpleGit } from 'simple-git';
import { runGit } from './run-git.js';
import { UsageError } from './usage-error.js';

export interface LocalRange {
  /** The repository's top-level folder. */
  root: string;
  /** The commit the range starts after; the empty tree when `fromRoot`. */
  baseSha: string;
  baseRef: string;
  headSha: string;
  headRef: string;
  defaultBranch: string | null;
  fromRoot: boolean;
}

export async function resolveRange(dir: string, options: { base?: string; head?: string }): Promise<LocalRange> {
  const git = await openRepository(dir);
  const root = (await git.revparse(['--show-toplevel'])).trim();
  const head = options.head ?? 'HEAD';
  const headSha = await resolveCommit(git, head, '--head', root);
  const headRef = await shortRefName(git, head);
  const branch = await findDefaultBranch(git);
  if (options.base !== undefined) {
    const baseSha = await resolveCommit(git, options.base, '--base', root);
    const baseRef = await shortRefName(git, options.base);
    return { root, baseSha, baseRef, headSha, headRef, defaultBranch: branch?.name ?? null, fromRoot: false };
  }
  if (!branch) throw new UsageError('cannot find the default branch (no origin/HEAD, main or master); pass --base');
  const mergeBase = await findMergeBase(git, branch.ref, headSha);
  if (mergeBase !== headSha) {
    return { root, baseSha: mergeBase, baseRef: branch.name, headSha, headRef, defaultBranch: branch.name, fromRoot: false };
  }
  const emptyTree = (await runGit(root, ['hash-object', '-t', 'tree', '--stdin'], '')).toString('latin1').trim();
  return { root, baseSha: emptyTree, baseRef: branch.name, headSha, headRef, defaultBranch: branch.name, fromRoot: true };
}

async function openRepository(dir: string): Promise<SimpleGit> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${dir} is not a folder; pass --repo with the path of a git clone`);
  const git = simpleGit({ baseDir: dir });
  if (!(await git.checkIsRepo().catch(() => false))) {
    const bare = (await git.raw(['rev-parse', '--is-bare-repository']).catch(() => '')).trim() === 'true';
    if (bare) throw new UsageError(`${dir} is a bare repository, with no work tree; pass --repo with the path of a clone`);
    throw new UsageError(`${dir} is not a git repository; pass --repo with the path of a git clone`);
  }
  return git;
}

async function resolveCommit(git: SimpleGit, ref: string, flag: string, root: string): Promise<string> {
  // A ref that starts with '-' would be read by git as an option.
  if (ref.startsWith('-') || ref.trim() === '') throw new UsageError(`${flag} needs a branch, tag or commit, not "${ref}"`);
  const sha = await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).catch(() => '');
  if (sha.trim()) return sha.trim();
  const empty = ref === 'HEAD' && !(await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => ''));
  if (empty) throw new UsageError(`the repository at ${root} has no commits yet; commit something first`);
  throw new UsageError(`cannot resolve ${flag} ${ref}: no branch, tag or commit of that name in ${root} (try \`git fetch\`?)`);
}

/** "refs/heads/feat/x" -> "feat/x", "refs/remotes/origin/main" -> "main"; anything else as written.
 *  Only called after resolveCommit, which refuses refs that look like options. */
async function shortRefName(git: SimpleGit, ref: string): Promise<string> {
  const full = (await git.raw(['rev-parse', '--symbolic-full-name', ref]).catch(() => '')).trim();
  if (full.startsWith('refs/heads/')) return full.slice('refs/heads/'.length);
  if (full.startsWith('refs/remotes/')) return full.split('/').slice(3).join('/');
  return ref;
}

async function findDefaultBranch(git: SimpleGit): Promise<{ name: string; ref: string } | null> {
  const remoteHead = (await git.raw(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']).catch(() => '')).trim();
  if (remoteHead.startsWith('refs/remotes/origin/')) {
    return { name: remoteHead.slice('refs/remotes/origin/'.length), ref: remoteHead };
  }
  for (const ref of ['refs/heads/main', 'refs/heads/master', 'refs/remotes/origin/main', 'refs/remotes/origin/master']) {
    const found = await git.raw(['rev-parse', '--verify', '--quiet', ref]).catch(() => '');
    if (found.trim()) return { name: ref.split('/').pop()!, ref };
  }
  return null;
}

async function findMergeBase(git: SimpleGit, ref: string, headSha: string): Promise<string> {
  const base = (await git.raw(['merge-base', ref, headSha]).catch(() => '')).trim();
  if (base) return base;
  const name = ref.replace(/^refs\/(heads|remotes)\//, '');
  throw new UsageError(
    `HEAD and ${name} share no history (a shallow clone?); run \`git fetch --unshallow\` or pass --base`,
  );
}
