/**
 * Self-hosted runners, for the least-loaded choice of pool: the organisation's (they serve every
 * repository) when the App may read them (`organization_self_hosted_runners: read`). Not readable is
 * not an error: the dispatcher then counts its own shards. A repository's own runners are not asked:
 * that route needs `administration: read`, more than Steward should hold for a hint.
 */
import type { RepoName, Runner } from '../port.js';
import type { GitHubClient } from './github-client.js';
import { restCall, statusOf } from './rest-call.js';

const PER_PAGE = 100;
/** 50 pages = 5,000 runners: past that the answer is stale before it is read. */
const MAX_PAGES = 50;

interface RunnerAnswer {
  name: string;
  status: string;
  busy: boolean;
  labels: { name: string }[];
}

export async function listRunners(client: GitHubClient, repo: RepoName): Promise<Runner[] | null> {
  return readRunners(client, 'GET /orgs/{org}/actions/runners', { org: repo.owner });
}

/** null when GitHub refuses (403: no permission; 404: a user account, or runners hidden from the App). */
async function readRunners(client: GitHubClient, route: string, params: Record<string, unknown>): Promise<Runner[] | null> {
  const runners: Runner[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    let data: { total_count: number; runners: RunnerAnswer[] };
    try {
      ({ data } = await restCall(client, route, { ...params, per_page: PER_PAGE, page }) as { data: typeof data });
    } catch (error) {
      if (page === 1 && (statusOf(error) === 403 || statusOf(error) === 404)) return null;
      throw error;
    }
    runners.push(...data.runners.map(toRunner));
    if (data.runners.length < PER_PAGE || runners.length >= data.total_count) break;
  }
  return runners;
}

function toRunner(r: RunnerAnswer): Runner {
  return { name: r.name, online: r.status === 'online', busy: r.busy, labels: r.labels.map((l) => l.name) };
}
