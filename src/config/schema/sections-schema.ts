/**
 * `model-cards`, `evaluation` and `reconcile`: the keys SPEC.md §1 shows, typed. Later issues own
 * these sections, so each stays open to keys they add (no `additionalProperties: false` inside).
 */
import { choice, count, flag, globs, mapping, strings, text, type JsonSchema } from './schema-parts.js';

const OPEN = true;

export const MODEL_CARDS_SCHEMA: JsonSchema = mapping('Model-card checks (the "Steward / model cards" check).', {
  paths: globs('Which files are model cards, e.g. "**/README.md".'),
  profile: choice(['huggingface', 'mitchell', 'none'], 'The built-in card profile: huggingface (Hub metadata), mitchell (Model Cards for Model Reporting sections) or none.'),
  schemas: {
    type: 'array',
    description: "The repository's own JSON Schemas for the front matter of some cards.",
    items: {
      type: 'object',
      description: 'A schema and the cards it applies to.',
      required: ['paths', 'schema'],
      properties: {
        paths: globs('The cards this schema applies to.'),
        schema: text('Path of the JSON Schema file (draft-07, 2019-09 or 2020-12; draft-07 when it has no $schema) in the repository, e.g. "schemas/our-card.schema.json". Its $refs may name files relative to it, or "steward:huggingface" for the built-in Hub profile.'),
      },
    },
  },
  sections: {
    type: 'array',
    description: 'Markdown sections that the cards of some paths must have and fill, on top of required-sections.',
    items: {
      type: 'object',
      description: 'Sections and the cards that need them.',
      required: ['paths', 'required'],
      properties: {
        paths: globs('The cards that need these sections.'),
        required: strings('Section headings these cards must have and fill, e.g. "Training Data".', 'A section heading, without the #.'),
      },
    },
  },
  'required-sections': strings('Markdown sections every card must have and fill, e.g. "Intended Use".', 'A section heading, without the #.'),
}, OPEN);

const POOL: JsonSchema = {
  type: 'object',
  description: 'A pool of runners that shards can be sent to.',
  required: ['name', 'runs-on'],
  properties: {
    name: text('The name suites use to pin a pool, e.g. "a100".'),
    'runs-on': {
      type: ['string', 'array'],
      items: text('A runner label.'),
      description: 'The runs-on labels of the workflow job, e.g. [self-hosted, a100].',
    },
    capacity: count('How many shards may run in this pool at once.'),
    weight: { type: 'number', exclusiveMinimum: 0, description: 'Relative share of work under the weighted strategy.' },
  },
};

const TASK: JsonSchema = {
  type: 'object',
  description: 'A task of the suite and its cost.',
  required: ['name'],
  properties: {
    name: text('The task name passed to the command as {task}.'),
    // The planner counts samples exactly; past 10^12 (a trillion samples) double precision would not.
    cost: { type: 'number', minimum: 0, maximum: 1e12, description: 'Its cost: samples (or seconds), at most 10^12. Big tasks may be split across shards.' },
  },
};

const SUITE: JsonSchema = {
  type: 'object',
  description: 'An evaluation suite.',
  properties: {
    shards: {
      anyOf: [{ type: 'integer', minimum: 1 }, { const: 'auto' }],
      description: 'How many shards to split the suite into, or "auto".',
    },
    pool: text('Pin the suite to this pool (optional).'),
    model: text('What {model} becomes in the command (default "."): a path in the checkout or a Hub id.'),
    format: choice(['lm-eval', 'simple'], 'The results format the command writes at {output}: lm-eval (default, lm-evaluation-harness JSON) or simple ({metrics, samples}).'),
    'timeout-minutes': { type: 'number', exclusiveMinimum: 0, description: 'Time limit of one shard, in minutes (default 360).' },
    'piece-overhead': { type: 'number', minimum: 0, maximum: 1e12, description: 'Cost of starting any piece (model load, task set-up), in cost units, at most 10^12.' },
    command: text('The command a shard runs per piece, with {model}, {task}, {offset}, {limit} and {output} filled in.'),
    tasks: { type: 'array', items: TASK, description: 'The tasks of the suite.' },
  },
};

export const EVALUATION_SCHEMA: JsonSchema = mapping('Evaluation runs on GitHub Actions runners (the "Steward / evaluation" check).', {
  workflow: text('The workflow file that runs one shard, e.g. "steward-eval.yml" (written by `steward init`).'),
  strategy: choice(['round-robin', 'weighted', 'least-loaded', 'fair-share'], 'How shards are spread over pools.'),
  pools: { type: 'array', items: POOL, description: 'Runner pools.' },
  quotas: mapping("Limits on what this repository's evaluations may use; in the organisation's own .github repository, the limits shared by all its repositories.", {
    'concurrent-shards': count('Most shards running at once, over all pools.'),
    'runner-minutes-per-month': count('Most runner minutes used per calendar month.', 0),
  }, OPEN),
  regression: mapping('When a score counts as a regression.', {
    alpha: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Significance level of the test, e.g. 0.05.' },
    threshold: { type: 'number', minimum: 0, description: 'Smallest drop in score that counts, e.g. 0.01.' },
  }, OPEN),
  forks: choice(['require-approval', 'deny', 'allow'], 'What evaluations of pull requests from forks need: require-approval (default; a maintainer runs /steward approve-eval first), deny (never run) or allow (like any pull request).'),
  retries: count('Times a failed shard is dispatched again, on another pool when one fits (default 2).', 0),
  triggers: mapping('What starts the default suite on a pull request besides /steward eval.', {
    labels: strings('Adding one of these labels starts it (default ["run-eval"]).', 'A label name.'),
    paths: globs('A pull request that changes a file matching these starts it (default []: only on request).'),
  }, OPEN),
  'baseline-suites': strings('Suites a push to the default branch runs to refresh the baseline (default ["default"] when that suite exists).', 'A suite name.'),
  suites: { type: 'object', additionalProperties: SUITE, description: 'Evaluation suites by name, e.g. "default".' },
}, OPEN);

export const RECONCILE_SCHEMA: JsonSchema = mapping('Fork reconciliation of model metadata.', {
  paths: globs('Registry files, e.g. "models/*/model.yml"; cards matched by model-cards.paths are read too.'),
  'id-field': text('The field that identifies a model, e.g. "id".'),
  'version-field': text('The field that holds its version, e.g. "version".'),
  'fork-pull-requests': flag('Open pull requests on forks that are behind.'),
}, OPEN);
