/**
 * A repository's config as of its default branch, with the organisation's `.github` fallback:
 * what App work that belongs to no pull request (evaluation baselines, reconciliation) runs by.
 */
import { resolveConfig } from '../config/load.js';
import type { StewardConfig } from '../config/types.js';
import type { RepoReader, TextFile } from '../platform/port.js';

export const CONFIG_PATH = '.github/steward.yml';

export interface DefaultConfig {
  /** The resolved config; null when it is unusable (problems say why). */
  config: StewardConfig | null;
  problems: string[];
  /** The organisation's own file, whose `evaluation` quotas apply whatever the repository says. */
  organization: TextFile | null;
}

export async function loadDefaultConfig(reader: RepoReader, repo: { owner: string; repo: string }): Promise<DefaultConfig> {
  const [own, org] = await Promise.all([
    reader.readFile(`${repo.owner}/${repo.repo}`, CONFIG_PATH),
    reader.readFile(`${repo.owner}/.github`, CONFIG_PATH).catch(() => null),
  ]);
  const resolved = await resolveConfig({ repository: own, organization: org }, (t) => reader.readFile(t.repository, t.path, t.ref));
  const problems = resolved.config ? [] : resolved.findings.map((f) => `${f.path ?? CONFIG_PATH}${f.line ? `:${f.line}` : ''}: ${f.message}`);
  return { config: resolved.config, problems, organization: org };
}
