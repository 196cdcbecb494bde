/** schemas/model-card.huggingface.schema.json is the built-in profile written out, for repositories to $ref or editors to load. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { HUGGINGFACE_CARD_SCHEMA } from '../../../../src/engines/model-card/profile-huggingface-schema.js';

const schemaFile = new URL('../../../../schemas/model-card.huggingface.schema.json', import.meta.url);
const written = `${JSON.stringify(HUGGINGFACE_CARD_SCHEMA, null, 2)}\n`;

describe('schemas/model-card.huggingface.schema.json', () => {
  if (process.env.STEWARD_WRITE_SCHEMA === '1') writeFileSync(schemaFile, written);

  it('is the profile the code validates with (regenerate: STEWARD_WRITE_SCHEMA=1 npx jest test/engines/model-card/repo-schemas/published-schema.test.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(written);
  });

  it('is a valid 2020-12 schema with a stable $id', () => {
    const published = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(new Ajv2020({ allowUnionTypes: true }).validateSchema(published)).toBe(true);
    expect(published.$id).toMatch(/^https:\/\//);
    expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
