#!/usr/bin/env node
/**
 * Bundles the CLI into lib/cli/ with esbuild (after `tsc` has written lib/): one file for what
 * `steward check` loads, so a run does not resolve and read some hundred modules one by one.
 * `serve` stays a separate chunk, loaded only when asked for; native and server packages stay
 * external and load from node_modules.
 */
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'lib/cli');

const BANNER = [
  "import { createRequire as __stewardCreateRequire } from 'node:module';",
  'const require = __stewardCreateRequire(import.meta.url);',
].join('\n');

await rm(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { steward: join(ROOT, 'src/transports/cli/main.ts') },
  outdir: OUT,
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  banner: { js: BANNER },
  external: ['probot', 'better-sqlite3', 'pg', 'kysely', '@octokit/*', 'pino', 'pino-*'],
  logLevel: 'warning',
});
