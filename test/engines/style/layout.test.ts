import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(process.cwd(), 'src/engines/style');

// Purity of every engine file is checked by test/architecture.test.ts.
describe('the style engine layout', () => {
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
