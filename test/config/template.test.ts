import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { resolveConfig } from '../../src/config/load.js';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { STEWARD_SCHEMA_URL } from '../../src/config/schema/steward-schema.js';

const text = readFileSync(new URL('../../templates/steward.yml', import.meta.url), 'utf8');
const file = { origin: 'acme/models:.github/steward.yml', path: '.github/steward.yml', text };

describe('templates/steward.yml (what `steward init` writes)', () => {
  it('starts with the yaml-language-server line that points editors at the schema', () => {
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${STEWARD_SCHEMA_URL}`);
  });

  it('validates with no finding and writes out every default explicitly', () => {
    const parsed = parseConfigText(file);
    expect(parsed.findings).toEqual([]);
    expect(parsed.data).toEqual(DEFAULT_CONFIG);
  });

  it('resolves to exactly the built-in defaults', async () => {
    const resolved = await resolveConfig({ repository: file, organization: null }, async () => null);
    expect(resolved).toEqual({ config: DEFAULT_CONFIG, findings: [], sources: [file.origin] });
  });

  it('explains each rule in a comment', () => {
    for (const rule of Object.keys(DEFAULT_CONFIG.style.rules)) {
      expect(text).toMatch(new RegExp(`# .+\\n    ${rule}:\\n`));
    }
  });
});
