/**
 * The best common ancestor of two commits, from `git merge-base`. Exit 1 with no output means the
 * histories are unrelated (a fork re-created from scratch): that is an answer, null, not an error.
 */
import { GitCommandError, runGit } from '../run-git.js';

export async function mergeBase(repo: string, a: string, b: string): Promise<string | null> {
  try {
    const out = (await runGit(repo, ['merge-base', '--end-of-options', a, b])).toString('latin1').trim();
    return out === '' ? null : out;
  } catch (error) {
    if (error instanceof GitCommandError && error.exitCode === 1 && error.stderr.trim() === '') return null;
    throw error;
  }
}
