/**
 * `registry.json`, the model registry across forks that Steward proposes upstream, as JSON Schema
 * 2020-12. `schemas/registry.schema.json` is this object written out (a test keeps them equal); it
 * lives in TypeScript so the App and the CLI carry it without reading files at run time.
 */

export const REGISTRY_SCHEMA_URL = 'https://raw.githubusercontent.com/steward-dev/steward/main/schemas/registry.schema.json';

const text = (description: string) => ({ type: 'string', minLength: 1, maxLength: 4_096, description });
const version = (description: string) => ({ type: ['string', 'null'], maxLength: 256, description });

const CHECKSUM = {
  type: 'object',
  description: 'A weight file\'s checksum: a sha256 field of the metadata, or a Git LFS pointer\'s oid.',
  additionalProperties: false,
  required: ['key', 'algorithm', 'value'],
  properties: {
    key: text('Where the metadata names it, e.g. "files/0" or the weight file\'s path.'),
    algorithm: { const: 'sha256', description: 'The hash algorithm; only sha256 for now.' },
    value: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'The digest, lowercase hex.' },
  },
} as const;

const SOURCE = {
  type: 'object',
  description: 'One repository that holds the model, and how its copy compares with upstream\'s.',
  additionalProperties: false,
  required: ['repository', 'version', 'status'],
  properties: {
    repository: text('Upstream\'s name, or the fork\'s: owner/repo on GitHub, the remote\'s name locally.'),
    version: version('The model\'s version in that repository; null when its metadata names none.'),
    status: {
      enum: ['upstream', 'in-sync', 'behind', 'ahead', 'diverged', 'conflict', 'new'],
      description: '"upstream" for upstream itself; for a fork, its verdict against upstream (see `steward reconcile`).',
    },
  },
} as const;

const MODEL = {
  type: 'object',
  description: 'One model of the network: upstream\'s metadata, or for a model only in forks, the leading fork\'s (newest version, then most forks agreeing).',
  additionalProperties: false,
  required: ['id', 'version', 'contentHash', 'checksums', 'baseModels', 'baseModelRelation', 'sources'],
  properties: {
    id: text('The model\'s id: reconcile.id-field of a registry file, or the card\'s folder.'),
    version: version('The version (reconcile.version-field) as written; null when absent.'),
    contentHash: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'sha256 of the metadata\'s canonical JSON (keys sorted): equal content, equal hash.' },
    checksums: { type: 'array', maxItems: 10_000, items: CHECKSUM, description: 'Weight checksums, ordered by key.' },
    baseModels: { type: 'array', maxItems: 1_000, items: text('A base model id (of this network or e.g. a Hugging Face Hub id).'), description: 'base_model, always as a list; empty when absent.' },
    baseModelRelation: { type: ['string', 'null'], maxLength: 256, description: 'base_model_relation as written (adapter, merge, quantized, finetune…); null when absent.' },
    sources: { type: 'array', minItems: 1, maxItems: 100_000, items: SOURCE, description: 'Every repository that holds the model: upstream first, then forks by name.' },
  },
} as const;

export const REGISTRY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: REGISTRY_SCHEMA_URL,
  title: 'Steward model registry across forks (registry.json)',
  description: 'Every model of a fork network with its version, content hash, checksums, lineage and which repositories hold it. Written by `steward reconcile --write-registry` and proposed upstream by the Steward App.',
  type: 'object',
  additionalProperties: false,
  required: ['$schema', 'generated', 'models'],
  properties: {
    $schema: { const: REGISTRY_SCHEMA_URL, description: 'This schema\'s URL, for editors.' },
    generated: {
      type: 'object',
      description: 'Who wrote the file, from which upstream. No timestamp: an unchanged network gives a byte-identical file and no pull request.',
      additionalProperties: false,
      required: ['by', 'upstream'],
      properties: {
        by: { const: 'steward', description: 'The tool that wrote it.' },
        upstream: text('The upstream repository the registry describes.'),
      },
    },
    models: { type: 'array', maxItems: 100_000, items: MODEL, description: 'One entry per model id, ordered by id.' },
  },
} as const;
