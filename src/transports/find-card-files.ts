/** The files `steward cards` validates: the paths and globs given, or every card the config matches. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../platform/local/usage-error.js';
import { MAX_CARD_BYTES, type CardFile } from '../workflows/check-card-files.js';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.venv', '__pycache__']);

export async function findCardFiles(root: string, args: readonly string[], configGlobs: readonly string[]): Promise<CardFile[]> {
  const paths = new Set<string>();
  const globs: string[] = args.length ? [] : [...configGlobs];
  for (const arg of args) {
    const absolute = path.resolve(root, arg);
    const kind = await stat(absolute).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => null);
    if (kind === 'file') paths.add(absolute);
    else if (kind === 'folder') for (const file of await walk(absolute, configGlobs, absolute)) paths.add(file);
    else if (picomatch.scan(arg).isGlob) globs.push(arg);
    else throw new UsageError(`${arg}: no such file or folder`);
  }
  if (globs.length) for (const file of await walk(root, globs, root)) paths.add(file);
  return Promise.all([...paths].sort().map((file) => readCard(root, file)));
}

/** Files under `folder` whose path relative to `base` matches one of `globs`. */
async function walk(folder: string, globs: readonly string[], base: string): Promise<string[]> {
  const matches = picomatch([...globs], { dot: true });
  const found: string[] = [];
  const pending = [folder];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      else if (entry.isFile() && matches(toPosix(path.relative(base, full)))) found.push(full);
    }
  }
  return found;
}

async function readCard(root: string, absolute: string): Promise<CardFile> {
  const relative = path.relative(root, absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? toPosix(absolute) : toPosix(relative);
  const { size } = await stat(absolute);
  if (size > MAX_CARD_BYTES) return { path: shown, bytes: size };
  return { path: shown, text: await readFile(absolute, 'utf8') };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
