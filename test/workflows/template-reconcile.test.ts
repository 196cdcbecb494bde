import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { resolveConfig } from '../../src/config/load.js';
import { reconcileSettingsOf } from '../../src/workflows/reconcile-options.js';

const template = readFileSync(new URL('../../templates/steward.yml', import.meta.url), 'utf8');

describe('the commented reconcile example in templates/steward.yml', () => {
  it('validates against the schema once uncommented and gives the settings it says', async () => {
    const commented = template.slice(template.indexOf('# reconcile:'));
    const text = commented.split('\n').map((line) => line.replace(/^# ?/, '')).join('\n');
    const file = { origin: 'acme/models:.github/steward.yml', path: '.github/steward.yml', text };
    expect(parseConfigText(file).findings).toEqual([]);
    const { config } = await resolveConfig({ repository: file, organization: null }, async () => null);
    expect(reconcileSettingsOf(config!)).toMatchObject({
      registryGlobs: ['models/*/model.yml'], idField: 'id', versionField: 'version', forkPullRequests: false,
    });
    expect(reconcileSettingsOf(config!).globs).toContain('**/README.md');
  });
});
