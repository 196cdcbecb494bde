/**
 * One evaluation comment per pull request, edited in place as shards finish so the conversation
 * is not flooded. If someone deleted it (404), a new one is posted and its id returned for next time.
 */
import type { RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { restCall, statusOf } from './rest-call.js';

export async function upsertComment(client: GitHubClient, repo: RepoName, issueNumber: number, body: string, existingId: number | null): Promise<number> {
  if (existingId !== null) {
    try {
      await restCall(client, 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: existingId, body });
      return existingId;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
  const { data } = await restCall(client, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issueNumber, body });
  return (data as { id: number }).id;
}
