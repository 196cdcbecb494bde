/** The shared corpus of real model cards (../shared/corpus), read unchanged. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../../..');
export const CORPUS = resolve(root, '..', 'shared', 'corpus');

export function corpusFiles(folder: 'model-cards' | 'hf-cards-sample'): string[] {
  return readdirSync(join(CORPUS, folder)).filter((name) => name.endsWith('.md')).map((name) => join(CORPUS, folder, name));
}

export function readOddCard(prefix: string): { text: string; path: string } {
  const name = readdirSync(join(CORPUS, 'model-cards')).find((file) => file.startsWith(`${prefix}-`));
  if (!name) throw new Error(`no corpus card ${prefix}-*`);
  return { text: readFileSync(join(CORPUS, 'model-cards', name), 'utf8'), path: `model-cards/${name}` };
}
