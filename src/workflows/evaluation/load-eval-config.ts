/**
 * The evaluation config of a repository as of its default branch (never the pull request's copy:
 * a pull request must not choose the commands that run on shared runners), with the organisation's
 * quotas from its `.github` repository.
 */
import { parseConfigText } from '../../config/parse-config-text.js';
import type { EvalConfig } from '../../engines/eval/eval-config.js';
import { readEvalConfig } from '../../engines/eval/read-eval-config.js';
import type { RepoReader } from '../../platform/port.js';
import { loadDefaultConfig, type DefaultConfig } from '../load-default-config.js';
import type { RepoRef } from './eval-deps.js';

export interface LoadedEvalConfig {
  config: EvalConfig | null;
  /** Why there is no usable config: for the check run. */
  problems: string[];
}

export async function loadEvalConfig(reader: RepoReader, repo: RepoRef): Promise<LoadedEvalConfig> {
  return evalConfigOf(await loadDefaultConfig(reader, repo));
}

/** The evaluation part of an already loaded default-branch config. */
export function evalConfigOf(loaded: DefaultConfig): LoadedEvalConfig {
  if (!loaded.config) return { config: null, problems: loaded.problems };
  const orgSection = loaded.organization ? (parseConfigText(loaded.organization).data as Record<string, unknown> | null)?.evaluation : undefined;
  const { config, problems } = readEvalConfig(loaded.config.evaluation, orgSection);
  return { config: problems.length ? null : config, problems };
}
