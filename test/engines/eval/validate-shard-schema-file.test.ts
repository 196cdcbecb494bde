/** schemas/eval-shard-result.schema.json is the schema validateShardResult compiles, written out for the Action and editors. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SHARD_RESULT_SCHEMA, SHARD_RESULT_SCHEMA_URL } from '../../../src/engines/eval/shard-result-schema.js';

const schemaFile = new URL('../../../schemas/eval-shard-result.schema.json', import.meta.url);
const written = `${JSON.stringify(SHARD_RESULT_SCHEMA, null, 2)}\n`;

type Schema = Record<string, unknown>;

function objects(schema: Schema, path = ''): [string, Schema][] {
  const out: [string, Schema][] = [];
  for (const [key, child] of Object.entries((schema.properties as Record<string, Schema>) ?? {})) out.push([`${path}${key}`, child], ...objects(child, `${path}${key}.`));
  for (const nested of [schema.items, schema.additionalProperties]) {
    if (nested && typeof nested === 'object') out.push(...objects(nested as Schema, `${path}*.`));
  }
  return out;
}

describe('schemas/eval-shard-result.schema.json', () => {
  if (process.env.STEWARD_WRITE_SCHEMA === '1') writeFileSync(schemaFile, written);

  it('is the schema the code validates with (regenerate: STEWARD_WRITE_SCHEMA=1 npx jest test/engines/eval/validate-shard-schema-file.test.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(written);
  });

  it('is a valid 2020-12 schema with a stable $id', () => {
    const published = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(new Ajv2020({ allowUnionTypes: true }).validateSchema(published)).toBe(true);
    expect(published.$id).toBe(SHARD_RESULT_SCHEMA_URL);
  });

  it('describes every property and closes every object to unknown keys', () => {
    const all = objects(SHARD_RESULT_SCHEMA as unknown as Schema);
    expect(all.length).toBeGreaterThan(15);
    expect(all.filter(([, s]) => typeof s.description !== 'string').map(([p]) => p)).toEqual([]);
    const piece = SHARD_RESULT_SCHEMA.properties.pieces.items;
    const closed = [SHARD_RESULT_SCHEMA, piece, piece.properties.metrics.additionalProperties].map((s) => s.additionalProperties);
    expect(closed).toEqual([false, false, false]);
    expect(piece.properties.metrics.maxProperties).toBe(1_000);
    expect(SHARD_RESULT_SCHEMA.properties.pieces.maxItems).toBe(10_000);
  });
});
