/** The configuration of a local check (CLI, Actions): the work-tree file, its local `_extends`, validated. */
import path from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../config/load.js';
import { readExtendedFile, readLocalConfig } from '../platform/local/read-local-files.js';

/** `configPath` as the user gave it (relative to the current folder), else `.github/steward.yml` under `root`. */
export async function resolveLocalConfig(root: string, configPath?: string): Promise<ResolvedConfig> {
  const configFile = await readLocalConfig(root, configPath);
  const configFolder = path.dirname(path.resolve(root, configFile?.path ?? '.github/steward.yml'));
  // Other repositories cannot be reached offline: such an `_extends` is reported, not followed.
  return resolveConfig({ repository: configFile, organization: null }, (target) =>
    target.repository === null ? readExtendedFile(root, configFolder, target.path) : Promise.resolve(null));
}
