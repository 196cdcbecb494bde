/** House rules 1 and 2 (ARCHITECTURE.md): engines are pure, imports point inward only. */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Runtime imports (type-only imports erase at compile time and are allowed). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found.map((spec) => (spec.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), spec)) : spec));
}

const layers: Record<string, RegExp> = {
  'src/engines': /^(src\/(platform|workflows|transports|store|report)\/|probot$|@octokit\/|@actions\/|simple-git$|node:(fs|child_process|net|http)|fs$|better-sqlite3$|pg$|kysely$)/,
  'src/report': /^(src\/(platform\/(github|local)|workflows|transports|store)\/|probot$|@octokit\/|simple-git$|node:fs)/,
  'src/config': /^(src\/(platform|workflows|transports|store)\/|probot$|@octokit\/|simple-git$|node:fs)/,
  'src/workflows': /^(src\/(transports|store|platform\/(github|local))\/|probot$|@octokit\/|simple-git$)/,
  'src/platform': /^(src\/(workflows|transports)\/)/,
};

describe('architecture', () => {
  for (const [layer, forbidden] of Object.entries(layers)) {
    it(`${layer} imports only inward`, () => {
      const offences = sourceFiles(layer).flatMap((file) =>
        runtimeImports(file).filter((spec) => forbidden.test(spec)).map((spec) => `${file} imports ${spec}`),
      );
      expect(offences).toEqual([]);
    });
  }

  it('engines read no clock and no environment', () => {
    const offences = sourceFiles('src/engines').filter((file) => /\b(Date\.now\(\)|new Date\(\)|process\.env)/.test(readFileSync(join(root, file), 'utf8')));
    expect(offences).toEqual([]);
  });
});
