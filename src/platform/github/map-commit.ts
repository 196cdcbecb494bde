/** GraphQL commit -> our Commit. */
import type { AuthorType, Commit, Person } from '../port.js';
import type { GqlActor, GqlCommit } from './graphql-types.js';

/** GitHub's noreply address of a bot: "49699333+dependabot[bot]@users.noreply.github.com". */
const BOT_NOREPLY = /^(?:\d+\+)?([^@]+\[bot\])@users\.noreply\.github\.com$/i;

/**
 * `GitActor.user` is a User, so a bot's commit has no user: its login is recovered from the
 * noreply email, and any login ending in "[bot]" is typed Bot.
 */
export function mapPerson(actor: GqlActor | null): Person {
  const email = actor?.email ?? '';
  const login = actor?.user?.login ?? BOT_NOREPLY.exec(email)?.[1] ?? null;
  let type: AuthorType = 'Unknown';
  if (login?.endsWith('[bot]')) type = 'Bot';
  else if (actor?.user) type = 'User';
  return { name: actor?.name ?? '', email, login, type };
}

export function mapCommit(commit: GqlCommit): Commit {
  return {
    sha: commit.oid,
    message: commit.message,
    author: mapPerson(commit.author),
    committer: mapPerson(commit.committer),
    parentCount: commit.parents.totalCount,
    verified: commit.signature?.isValid ?? false,
  };
}
