/**
 * Artifacts of a workflow run: listed for their names, downloaded (GitHub redirects to a storage
 * URL valid for a minute, which fetch follows) under a byte cap, and unpacked by the bounded zip
 * reader: the zip comes from a workflow anyone with a pull request may have changed.
 */
import type { ArtifactFile, ArtifactInfo, ArtifactLimits, RepoName } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { ArtifactError } from './artifact-error.js';
import { readCapped } from './read-capped.js';
import { describeCall, restCall, statusOf } from './rest-call.js';
import { toGitHubError } from './to-github-error.js';
import { readZip } from '../zip/read-zip.js';

const PER_PAGE = 100;
/** A shard run uploads one artifact; 10 pages is far past any real run. */
const MAX_PAGES = 10;

interface ArtifactAnswer {
  id: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
}

export async function listRunArtifacts(client: GitHubClient, repo: RepoName, workflowRunId: number): Promise<ArtifactInfo[]> {
  const found: ArtifactInfo[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await restCall(client, 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
      ...repo, run_id: workflowRunId, per_page: PER_PAGE, page,
    });
    const { total_count: total, artifacts } = data as { total_count: number; artifacts: ArtifactAnswer[] };
    found.push(...artifacts.map((a) => ({ id: a.id, name: a.name, bytes: a.size_in_bytes, expired: a.expired })));
    if (artifacts.length < PER_PAGE || found.length >= total) break;
  }
  return found;
}

export async function downloadArtifactFiles(client: GitHubClient, repo: RepoName, artifactId: number, limits: ArtifactLimits): Promise<ArtifactFile[]> {
  const route = 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}';
  const params = { ...repo, artifact_id: artifactId, archive_format: 'zip' };
  let response;
  try {
    // The raw body stream, so the cap applies while downloading rather than after.
    response = await client.request(route, { ...params, request: { parseSuccessResponseBody: false } });
  } catch (error) {
    if (statusOf(error) === 410) {
      throw new ArtifactError('expired', `Artifact ${artifactId} of ${repo.owner}/${repo.repo} has expired; run the shard again (or keep artifacts longer with retention-days).`, { cause: error });
    }
    throw toGitHubError(error, describeCall(route, params));
  }
  const zip = await readCapped(response.data, response.headers['content-length'], limits.maxZipBytes);
  return readZip(zip, limits);
}
