/**
 * The example's data: `data/<task>.tsv`, one `label<TAB>text` line per item, split once and for all
 * into train and test by a hash of the text (about 40% train), so the test items never reach training
 * and every run sees the same test split in the same order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const TASKS = ['sentiment', 'language'];

/** FNV-1a over the UTF-8 bytes: stable across machines and Node versions. */
function hash(text) {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

export function readItems(task) {
  if (!TASKS.includes(task)) throw new Error(`unknown task "${task}"; this example has ${TASKS.join(', ')}`);
  const text = readFileSync(path.join(here, '..', 'data', `${task}.tsv`), 'utf8');
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const [label, sentence] = line.split('\t');
    return { label, text: sentence };
  });
}

export function readSplit(task, split) {
  return readItems(task).filter((item) => (hash(item.text) % 10 < 4) === (split === 'train'));
}
