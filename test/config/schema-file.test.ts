import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { STEWARD_SCHEMA, STEWARD_SCHEMA_URL } from '../../src/config/schema/steward-schema.js';

const schemaFile = new URL('../../schemas/steward.schema.json', import.meta.url);
const written = `${JSON.stringify(STEWARD_SCHEMA, null, 2)}\n`;

type Schema = Record<string, unknown>;

/** Every property schema in the tree, with its dotted path. */
function properties(schema: Schema, path = ''): [string, Schema][] {
  const out: [string, Schema][] = [];
  for (const [key, child] of Object.entries((schema.properties as Record<string, Schema>) ?? {})) {
    out.push([`${path}${key}`, child], ...properties(child, `${path}${key}.`));
  }
  for (const nested of [schema.items, schema.additionalProperties]) {
    if (nested && typeof nested === 'object') out.push(...properties(nested as Schema, `${path}*.`));
  }
  for (const [name, def] of Object.entries((schema.definitions as Record<string, Schema>) ?? {})) {
    out.push(...properties(def, `#${name}.`));
  }
  return out;
}

describe('schemas/steward.schema.json', () => {
  if (process.env.STEWARD_WRITE_SCHEMA === '1') writeFileSync(schemaFile, written);

  it('is the schema the code validates with (regenerate: STEWARD_WRITE_SCHEMA=1 npx jest test/config/schema-file.test.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(written);
  });

  it('is a valid draft-07 schema that ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addFormat('regex', true);
    expect(ajv.validateSchema(JSON.parse(readFileSync(schemaFile, 'utf8')))).toBe(true);
    expect(() => ajv.compile(STEWARD_SCHEMA)).not.toThrow();
    expect(STEWARD_SCHEMA.$id).toBe(STEWARD_SCHEMA_URL);
  });

  it('describes every property, for editors to show', () => {
    const all = properties(STEWARD_SCHEMA);
    expect(all.length).toBeGreaterThan(80);
    const undescribed = all.filter(([, s]) => typeof s.description !== 'string' || s.description.length < 10).map(([p]) => p);
    expect(undescribed).toEqual([]);
  });

  it('closes the top level, the style section, each rule and the scope objects to unknown keys', () => {
    expect(STEWARD_SCHEMA.additionalProperties).toBe(false);
    const closed = properties(STEWARD_SCHEMA).filter(([p]) => /^style(\.rules(\.[a-z-]+)?)?$/.test(p));
    expect(closed.length).toBe(13);
    for (const [, s] of closed) expect(s.additionalProperties).toBe(false);
    expect(((STEWARD_SCHEMA.definitions as Record<string, Schema>).scope)!.additionalProperties).toBe(false);
  });
});
