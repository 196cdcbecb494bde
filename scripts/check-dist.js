#!/usr/bin/env node
/**
 * Fails when a committed actions/<name>/dist/ differs from a fresh bundle (run by .ci/run).
 * Usage: node scripts/check-dist.js [checkout]   (default: this repository)
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ACTIONS, ROOT, bundleActions } from './bundle.js';

/** Returns the paths (relative to the root) whose committed content is missing, extra or stale. */
export async function findStaleDist(committedRoot = ROOT) {
  const fresh = await mkdtemp(join(tmpdir(), 'steward-dist-'));
  try {
    await bundleActions(fresh);
    const stale = [];
    for (const { out } of ACTIONS) {
      const names = new Set([...(await listFiles(join(fresh, out))), ...(await listFiles(join(committedRoot, out)))]);
      for (const name of [...names].sort()) {
        const [expected, actual] = await Promise.all([readOrNull(join(fresh, out, name)), readOrNull(join(committedRoot, out, name))]);
        if (expected === null || actual === null || !expected.equals(actual)) stale.push(join(out, name));
      }
    }
    return stale;
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

async function listFiles(dir) {
  return readdir(dir).catch((error) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
}

async function readOrNull(path) {
  return readFile(path).catch((error) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const stale = await findStaleDist(process.argv[2] ?? ROOT);
  if (stale.length) {
    console.error(`The committed Action bundles are out of date:\n${stale.map((p) => `  ${p}`).join('\n')}\nRun \`npm run bundle\` and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log(`Action bundles are up to date (${ACTIONS.map((a) => a.out).join(', ')}).`);
  }
}
