/**
 * The one contract for `.github/steward.yml` (SPEC.md §1). `schemas/steward.schema.json` is this
 * object written out (test/config/schema-file.test.ts keeps them equal); it lives in TypeScript so
 * that the App, the CLI and the bundled Actions carry it without reading files at run time.
 */
import { SCOPE_SCHEMA } from './scope-schema.js';
import { EVALUATION_SCHEMA, MODEL_CARDS_SCHEMA, RECONCILE_SCHEMA } from './sections-schema.js';
import { STYLE_SCHEMA } from './style-schema.js';
import type { JsonSchema } from './schema-parts.js';

export const STEWARD_SCHEMA_URL =
  'https://raw.githubusercontent.com/steward-dev/steward/main/schemas/steward.schema.json';

/** `repo`, `owner/repo`, `repo:path`, `owner/repo:path`, each with an optional `@ref`; or `./x.yml`, `../x.yml`. */
export const EXTENDS_PATTERN =
  '^(?:\\.{1,2}/[^\\s@]+|(?:[A-Za-z0-9][-A-Za-z0-9]*/)?[-_.A-Za-z0-9]+(?::[-_.A-Za-z0-9][-_./A-Za-z0-9]*)?)(?:@[^\\s@]+)?$';

export const STEWARD_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: STEWARD_SCHEMA_URL,
  title: 'Steward configuration (.github/steward.yml)',
  description: 'Configuration of Steward: style rules for pull requests, model cards, evaluation and fork reconciliation. Keys are kebab-case; write only what you change.',
  type: 'object',
  additionalProperties: false,
  definitions: { scope: SCOPE_SCHEMA },
  properties: {
    $schema: { type: 'string', description: 'The schema editors use to check this file; Steward ignores it.' },
    _extends: {
      type: 'string',
      pattern: EXTENDS_PATTERN,
      description: 'Start from another config and change it: "repo", "owner/repo", "repo:path" or "owner/repo:path", each with an optional "@ref"; or a relative file such as "./base.yml". A repository alone means its .github/steward.yml. Mappings are merged key by key; a list written here replaces the inherited list.',
    },
    style: STYLE_SCHEMA,
    'model-cards': MODEL_CARDS_SCHEMA,
    evaluation: EVALUATION_SCHEMA,
    reconcile: RECONCILE_SCHEMA,
  },
};
