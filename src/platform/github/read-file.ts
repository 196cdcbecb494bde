/** One file of any repository at a ref, for config `_extends`: one GraphQL read, null when absent. */
import type { TextFile } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { GitHubError } from './github-error.js';
import { literal } from './query-fragments.js';
import { runGraphql } from './run-graphql.js';

interface FileAnswer {
  repository: { object: { text?: string | null } | null } | null;
}

export async function readFile(client: GitHubClient, repository: string, path: string, ref = 'HEAD'): Promise<TextFile | null> {
  const [owner, name, ...extra] = repository.split('/');
  if (!owner || !name || extra.length > 0) {
    throw new GitHubError({
      status: 0, operation: `read ${path} from "${repository}"`, requestId: null, rateLimitReset: null, retryable: false,
      detail: 'the repository must be written "owner/repo"',
    });
  }
  const query = `query StewardReadFile($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    object(expression: ${literal(`${ref}:${path}`)}) { ... on Blob { text } }
  }
}`;
  const data = await runGraphql<FileAnswer>(client, 'StewardReadFile', query, { owner, name }, (e) => e.type === 'NOT_FOUND');
  const text = data.repository?.object?.text;
  return typeof text === 'string' ? { origin: `${repository}:${path}${ref === 'HEAD' ? '' : `@${ref}`}`, path, text } : null;
}
