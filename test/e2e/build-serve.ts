/**
 * Builds the `steward` CLI the way scripts/build-cli.js does (esbuild, server packages external),
 * into a throwaway folder under node_modules/.cache, so the child process runs the code of this
 * checkout without `npm run build`. The folder sits inside the project because Node resolves the
 * external packages (probot, pg, better-sqlite3) from the bundle's own location.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const BANNER = [
  "import { createRequire as __stewardCreateRequire } from 'node:module';",
  'const require = __stewardCreateRequire(import.meta.url);',
].join('\n');

// bin/steward.js in one file: run main() and keep its exit code.
const ENTRY = [
  "import { main } from './src/transports/cli/main.ts';",
  'process.exitCode = await main(process.argv.slice(2));',
].join('\n');

export interface ServeBundle {
  /** The bundled CLI: `node <file> serve`. */
  file: string;
  remove(): void;
}

export async function buildServeBundle(): Promise<ServeBundle> {
  const cache = join(ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'steward-e2e-'));
  const file = join(dir, 'steward.mjs');
  await build({
    absWorkingDir: ROOT,
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'e2e-entry.ts' },
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: BANNER },
    external: ['probot', 'better-sqlite3', 'pg', 'kysely', '@octokit/*', 'pino', 'pino-*'],
    logLevel: 'error',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
