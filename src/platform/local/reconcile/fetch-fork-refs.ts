/**
 * Fetches a fork's branches and tags into its own namespace. Tags go to refs/remotes/<r>/tags/*, not
 * refs/tags/*: since Git 2.20 a second fork's tag of the same name is rejected ("would clobber
 * existing tag"), and forks that each tag "v1.0.0" differently are exactly what reconcile compares.
 */
import { runGit } from '../run-git.js';

export async function fetchForkRefs(repo: string, remote: string): Promise<void> {
  await runGit(repo, [
    'fetch', '--quiet', '--no-tags', '--end-of-options', remote,
    `+refs/heads/*:refs/remotes/${remote}/*`,
    `+refs/tags/*:refs/remotes/${remote}/tags/*`,
  ]);
}
