/**
 * Config and `_extends` files of a local check come from the work tree, not from a commit: a
 * maintainer trying out a config wants the file they just edited to count.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TextFile } from '../port.js';
import { UsageError } from './usage-error.js';

export const DEFAULT_CONFIG_PATH = '.github/steward.yml';

/** The config file: `configPath` (relative to the current folder) or `.github/steward.yml` in the work tree. */
export async function readLocalConfig(root: string, configPath?: string): Promise<TextFile | null> {
  if (configPath === undefined) return readTextFile(root, path.join(root, DEFAULT_CONFIG_PATH), DEFAULT_CONFIG_PATH);
  const file = await readTextFile(root, path.resolve(configPath), configPath);
  if (!file) throw new UsageError(`--config ${configPath}: no such file; pass the path of a steward.yml`);
  return file;
}

/**
 * A file named by `_extends`: "./x.yml" and "../x.yml" are relative to the config's folder,
 * other paths to the repository root.
 */
export async function readExtendedFile(root: string, configFolder: string, target: string): Promise<TextFile | null> {
  const relative = target.startsWith('./') || target.startsWith('../');
  const absolute = path.resolve(relative ? configFolder : root, target);
  return readTextFile(root, absolute, target);
}

async function readTextFile(root: string, absolute: string, origin: string): Promise<TextFile | null> {
  try {
    const text = await readFile(absolute, 'utf8');
    return { origin, path: repositoryPath(root, absolute), text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'EISDIR') throw new UsageError(`${origin} is a folder, not a config file`);
    throw error;
  }
}

/** Repository-relative with '/' separators when inside the repository (as findings need), else absolute. */
function repositoryPath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
