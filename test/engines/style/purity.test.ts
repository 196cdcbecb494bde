import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(process.cwd(), 'src/engines/style');
const FORBIDDEN = [/^node:/, /^(fs|path|os|child_process)$/, /^probot/, /^@octokit\//, /^@actions\//, /^simple-git/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []);
}

describe('the style engine is pure', () => {
  const files = sources(ROOT);

  it('finds its sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s imports no platform, clock or environment', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(imports.filter((i) => FORBIDDEN.some((re) => re.test(i)))).toEqual([]);
    expect(text).not.toMatch(/process\.env|Date\.now\(|new Date\(|Math\.random\(/);
  });

  it('has one rule file per rule id, each exporting its check', () => {
    const rules = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.ts'));
    expect(rules.sort()).toEqual([
      'body-sections.ts', 'branch-name.ts', 'commit-conventional.ts', 'commit-signoff.ts', 'draft.ts', 'forbidden-paths.ts',
      'labels.ts', 'large-files.ts', 'linked-issue.ts', 'pr-size.ts', 'title-conventional.ts',
    ]);
    for (const file of rules) {
      const name = 'check' + file.replace('.ts', '').split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
      expect([file, readFileSync(join(ROOT, 'rules', file), 'utf8').includes(`export const ${name}: RuleCheck<`)]).toEqual([file, true]);
    }
  });
});
