import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseConfigText } from '../../../src/config/parse-config-text.js';
import { readEvalConfig } from '../../../src/engines/eval/read-eval-config.js';

const template = readFileSync(new URL('../../../templates/steward.yml', import.meta.url), 'utf8');

describe('the commented evaluation example in templates/steward.yml', () => {
  it('validates against the schema and reads with no problem once uncommented', () => {
    const from = template.indexOf('# evaluation:');
    const commented = template.slice(from, template.indexOf('\n\n', from));
    const text = commented.split('\n').map((line) => line.replace(/^# ?/, '')).join('\n');
    const parsed = parseConfigText({ origin: 'acme/models:.github/steward.yml', path: '.github/steward.yml', text });
    expect(parsed.findings).toEqual([]);
    const { config, problems } = readEvalConfig((parsed.data as { evaluation: unknown }).evaluation);
    expect(problems).toEqual([]);
    expect(config.suites.default!.tasks).toHaveLength(2);
    expect(config.pools.map((p) => p.name)).toEqual(['a100', 'cpu']);
  });
});
