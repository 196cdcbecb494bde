/**
 * The reconcile section of a resolved config as the use-case's options. The registry default is
 * SPEC.md's own example, so a repository laid out as the SPEC shows needs no configuration.
 */
import type { StewardConfig } from '../config/types.js';
import type { ReadOptions } from '../engines/reconcile/types.js';
import { cardPathsOf } from './changed-cards.js';

export const DEFAULT_REGISTRY_PATHS = ['models/*/model.yml'];

export interface ReconcileSettings extends ReadOptions {
  /** Registry globs then card globs, de-duplicated. */
  globs: string[];
  /** reconcile.paths alone: files read as registry files (YAML or JSON), the rest as cards. */
  registryGlobs: string[];
  /** reconcile.fork-pull-requests: propose upstream's metadata to forks that are behind (opt-in). */
  forkPullRequests: boolean;
}

export function reconcileSettingsOf(config: StewardConfig): ReconcileSettings {
  const section = (config.reconcile ?? {}) as { paths?: string[]; 'id-field'?: string; 'version-field'?: string; 'fork-pull-requests'?: boolean };
  const registryGlobs = section.paths ?? DEFAULT_REGISTRY_PATHS;
  const globs = [...new Set([...registryGlobs, ...cardPathsOf(config)])];
  return {
    globs, registryGlobs, forkPullRequests: section['fork-pull-requests'] === true,
    idField: section['id-field'] ?? 'id', versionField: section['version-field'] ?? 'version',
  };
}
