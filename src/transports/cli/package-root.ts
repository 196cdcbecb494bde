/** Files shipped with Steward (package.json, templates/), found from wherever this code runs:
 *  src/ under ts-jest, lib/ after tsc, or the bundle in lib/cli/. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!isStewardRoot(dir)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Steward installation (package.json); reinstall it');
    dir = parent;
  }
  root = dir;
  return dir;
}

export function packageFile(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

function isStewardRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'steward';
  } catch {
    return false;
  }
}
