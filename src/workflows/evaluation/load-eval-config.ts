/**
 * The evaluation config of a repository as of its default branch (never the pull request's copy:
 * a pull request must not choose the commands that run on shared runners), with the organisation's
 * quotas from its `.github` repository.
 */
import { resolveConfig } from '../../config/load.js';
import { parseConfigText } from '../../config/parse-config-text.js';
import type { EvalConfig } from '../../engines/eval/eval-config.js';
import { readEvalConfig } from '../../engines/eval/read-eval-config.js';
import type { RepoReader } from '../../platform/port.js';
import type { RepoRef } from './eval-deps.js';

const CONFIG_PATH = '.github/steward.yml';

export interface LoadedEvalConfig {
  config: EvalConfig | null;
  /** Why there is no usable config: for the check run. */
  problems: string[];
}

export async function loadEvalConfig(reader: RepoReader, repo: RepoRef): Promise<LoadedEvalConfig> {
  const [own, org] = await Promise.all([
    reader.readFile(`${repo.owner}/${repo.repo}`, CONFIG_PATH),
    reader.readFile(`${repo.owner}/.github`, CONFIG_PATH).catch(() => null),
  ]);
  const resolved = await resolveConfig({ repository: own, organization: org }, (t) => reader.readFile(t.repository, t.path, t.ref));
  if (!resolved.config) {
    return { config: null, problems: resolved.findings.map((f) => `${f.path ?? CONFIG_PATH}${f.line ? `:${f.line}` : ''}: ${f.message}`) };
  }
  const orgSection = org ? (parseConfigText(org).data as Record<string, unknown> | null)?.evaluation : undefined;
  const { config, problems } = readEvalConfig(resolved.config.evaluation, orgSection);
  return { config: problems.length ? null : config, problems };
}
