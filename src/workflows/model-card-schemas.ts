/**
 * The card options of a pull request at its head, repository schemas included (`model-cards.schemas`):
 * the changed cards and the schema files are read together in one read; the local files those
 * schemas `$ref` are read in up to two more rounds (a round reads all it found missing at once), so
 * cards and schemas cost at most 3 reads for every 100 files.
 */
import { parse as parseYaml } from 'yaml';
import type { StewardConfig } from '../config/types.js';
import type { CardCheckOptions } from '../engines/model-card/check-card.js';
import type { FileReader, HeadFile, RepoName } from '../platform/port.js';
import { cardOptionsOf, MAX_CARD_BYTES } from './check-card-files.js';

const MAX_SCHEMA_BYTES = 5 * 1024 * 1024;
const REF_ROUNDS = 2;

export interface CardsAtHead {
  options: CardCheckOptions & { paths: string[] };
  /** The cards among the files read, in the order asked. */
  cards: HeadFile[];
}

/** Reads `cards` (and the schemas the config names) at `ref`; the options come with the schemas compiled. */
export async function readCardsAtHead(
  reader: FileReader, repo: RepoName, ref: string, config: StewardConfig, cards: readonly string[],
): Promise<CardsAtHead> {
  const entries = ((config['model-cards'] ?? {}) as { schemas?: { schema?: unknown }[] }).schemas ?? [];
  const schemaPaths = entries.map((e) => e.schema).filter((s): s is string => typeof s === 'string').map(clean);
  const asked = [...new Set([...cards, ...schemaPaths])];
  const read = asked.length ? await reader.readFiles(repo, ref, asked, MAX_CARD_BYTES) : [];
  const wanted = new Set(cards);
  const cache = new Map<string, unknown>(schemaPaths.map((p) => [p, null]));
  for (const file of read) if (schemaPaths.includes(file.path)) cache.set(file.path, parseSchema(file));
  if (!schemaPaths.length) return { options: cardOptionsOf(config), cards: read.filter((f) => wanted.has(f.path)) };

  let options = cardOptionsOf(config);
  for (let round = 0; round <= REF_ROUNDS; round++) {
    const missing = new Set<string>();
    options = cardOptionsOf(config, undefined, {
      readSchema: (file) => {
        const key = clean(file);
        if (!cache.has(key)) missing.add(key);
        return cache.get(key) ?? null;
      },
    });
    if (!missing.size || round === REF_ROUNDS) break;
    const more = await reader.readFiles(repo, ref, [...missing], MAX_CARD_BYTES);
    for (const key of missing) cache.set(key, null);
    for (const file of more) cache.set(file.path, parseSchema(file));
  }
  return { options, cards: read.filter((f) => wanted.has(f.path)) };
}

/** As the CLI reads them: JSON, or YAML for .yml/.yaml; the reason as text when unreadable. */
function parseSchema(file: HeadFile): unknown {
  if (file.text === null) return file.reason === 'binary' ? 'it is a binary file' : 'it is larger than 5 MB';
  if (file.bytes > MAX_SCHEMA_BYTES) return 'it is larger than 5 MB';
  try {
    return /\.ya?ml$/i.test(file.path) ? parseYaml(file.text) : JSON.parse(file.text);
  } catch (error) {
    return (error as Error).message;
  }
}

function clean(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}
