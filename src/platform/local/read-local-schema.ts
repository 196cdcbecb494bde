/** Card schema files of a local check, read from the work tree for the card engine's ReadSchema. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

const MAX_SCHEMA_BYTES = 5 * 1024 * 1024;

/** Schema files under the repository folder: JSON, or YAML for .yml/.yaml; null when absent, the reason when unreadable. */
export function readSchemaUnder(root: string): (file: string) => unknown {
  return (file) => {
    const absolute = path.resolve(root, file);
    try {
      if (!statSync(absolute).isFile()) return 'it is a folder, not a file';
      if (statSync(absolute).size > MAX_SCHEMA_BYTES) return 'it is larger than 5 MB';
      const text = readFileSync(absolute, 'utf8');
      return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : (error as Error).message;
    }
  };
}
