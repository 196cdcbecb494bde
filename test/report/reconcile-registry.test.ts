/** registry.json: what Steward proposes upstream, valid against the schema it publishes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { REGISTRY_SCHEMA, REGISTRY_SCHEMA_URL } from '../../src/engines/reconcile/registry-schema.js';
import { buildRegistry, renderRegistry } from '../../src/report/reconcile-registry.js';
import { hash, report } from './reconcile-fixtures.js';

const schemaFile = new URL('../../schemas/registry.schema.json', import.meta.url);
const written = `${JSON.stringify(REGISTRY_SCHEMA, null, 2)}\n`;
const validate = new Ajv2020({ allowUnionTypes: true, strict: true }).compile(REGISTRY_SCHEMA);

type Schema = Record<string, unknown>;
function objects(schema: Schema, path = ''): [string, Schema][] {
  const out: [string, Schema][] = [];
  for (const [key, child] of Object.entries((schema.properties as Record<string, Schema>) ?? {})) out.push([`${path}${key}`, child], ...objects(child, `${path}${key}.`));
  if (schema.items && typeof schema.items === 'object') out.push(...objects(schema.items as Schema, `${path}*.`));
  return out;
}

describe('schemas/registry.schema.json', () => {
  if (process.env.STEWARD_WRITE_SCHEMA === '1') writeFileSync(schemaFile, written);

  it('is the TypeScript schema written out (regenerate: STEWARD_WRITE_SCHEMA=1 npx jest test/report/reconcile-registry.test.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(written);
    expect(JSON.parse(written).$id).toBe(REGISTRY_SCHEMA_URL);
  });

  it('describes every property', () => {
    const all = objects(REGISTRY_SCHEMA as unknown as Schema);
    expect(all.length).toBeGreaterThan(15);
    expect(all.filter(([, s]) => typeof s.description !== 'string').map(([p]) => p)).toEqual([]);
  });
});

describe('buildRegistry', () => {
  const registry = buildRegistry(report());

  it('validates against the published schema', () => {
    expect(validate(registry) ? [] : validate.errors).toEqual([]);
  });

  it('lists models by id with upstream\'s metadata and every holder, upstream first', () => {
    expect(registry.generated).toEqual({ by: 'steward', upstream: 'acme/models' });
    expect(registry.models.map((m) => m.id)).toEqual(['llama-ft', 'llama-q4', 'merge-x', 'stable']);
    expect(registry.models[0]).toEqual({
      id: 'llama-ft', version: '1.0.0', contentHash: hash('a'), checksums: [{ key: 'files/0', algorithm: 'sha256', value: hash('e') }],
      baseModels: ['meta-llama/Llama-3.1-8B'], baseModelRelation: 'finetune',
      sources: [
        { repository: 'acme/models', version: '1.0.0', status: 'upstream' },
        { repository: 'alice/models', version: '1.1.0', status: 'ahead' },
        { repository: 'bob/models', version: '1.0.0', status: 'conflict' },
        { repository: 'carol/models', version: '1.1.0', status: 'ahead' },
      ],
    });
    expect(registry.models[1]!.sources.map((s) => s.repository)).toEqual(['acme/models', 'alice/models', 'bob/models']);
  });

  it('takes a model only in forks from its newest-version fork', () => {
    const merge = registry.models[2]!;
    expect([merge.version, merge.contentHash, merge.baseModels]).toEqual(['0.2.0-rc.1', hash('2'), []]); // a pre-release of 0.2.0 outranks 0.1.0
    expect(merge.sources.map((s) => [s.repository, s.status])).toEqual([['bob/models', 'new'], ['carol/models', 'new']]);
  });

  it('writes the same bytes whatever order the forks came in', () => {
    const shuffled = report();
    shuffled.models.reverse();
    for (const m of shuffled.models) m.forks.reverse();
    expect(renderRegistry(shuffled)).toBe(renderRegistry(report()));
  });

  it('is refused by the schema when a checksum is not a sha256 digest', () => {
    const broken = JSON.parse(JSON.stringify(registry));
    broken.models[0].checksums[0].value = 'not-a-digest';
    expect(validate(broken)).toBe(false);
  });
});
