/**
 * The result files a piece's command wrote: JSON and JSON Lines under its output folder. Symbolic
 * links are not followed (a command could point one at a secret), and large files are listed
 * without their text so one runaway log cannot exhaust memory.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  path: string;
  text: string | null;
  bytes: number;
}

const RESULT_FILE = /\.jsonl?$/i;
const MAX_DEPTH = 8;
const MAX_FILES = 1000;

export async function readOutputFiles(dir: string, maxBytes: number): Promise<OutputFile[]> {
  const found: OutputFile[] = [];
  await walk(dir, 0, maxBytes, found);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

async function walk(dir: string, depth: number, maxBytes: number, found: OutputFile[]): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (found.length >= MAX_FILES) return;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, depth + 1, maxBytes, found);
    else if (entry.isFile() && RESULT_FILE.test(entry.name)) found.push(await readOne(full, maxBytes));
  }
}

async function readOne(file: string, maxBytes: number): Promise<OutputFile> {
  const { size } = await lstat(file);
  if (size > maxBytes) return { path: file, text: null, bytes: size };
  const bytes = await readFile(file);
  // Binary content under a .json name: listed, not decoded.
  const text = bytes.includes(0) ? null : bytes.toString('utf8');
  return { path: file, text, bytes: bytes.length };
}
