/**
 * The artifact `steward-shard.json` (ShardResult in shard-types.ts) as JSON Schema 2020-12.
 * `schemas/eval-shard-result.schema.json` is this object written out (a test keeps them equal); it
 * lives in TypeScript so the App and the bundled Action carry it without reading files at run time.
 * Artifacts come from runners that may run a pull request's code: every size is bounded.
 */

export const SHARD_RESULT_SCHEMA_URL =
  'https://raw.githubusercontent.com/steward-dev/steward/main/schemas/eval-shard-result.schema.json';

/** Bounds that keep a hostile artifact from costing memory or time. */
export const MAX_PIECES = 10_000;
export const MAX_METRICS = 1_000;
export const MAX_TEXT = 4_096;

const text = (description: string, minLength = 1) => ({ type: 'string', minLength, maxLength: MAX_TEXT, description });
const whole = (description: string, minimum = 0) => ({ type: 'integer', minimum, maximum: Number.MAX_SAFE_INTEGER, description });

const METRIC_VALUE = {
  type: 'object',
  description: 'One metric of one piece, normalised from lm-eval ("acc,none" with "acc_stderr,none") or the simple format.',
  additionalProperties: false,
  required: ['value', 'stderr', 'n', 'higherIsBetter'],
  properties: {
    value: { type: 'number', description: 'The metric over the piece\'s samples.' },
    stderr: { type: ['number', 'null'], minimum: 0, description: 'Standard error; null where the source has none (lm-eval writes "N/A").' },
    n: whole('Samples the value is over (lm-eval: n-samples.effective or sample_count; simple: samples).'),
    higherIsBetter: { type: ['boolean', 'null'], description: 'From lm-eval\'s higher_is_better; null when unknown (treated as higher is better).' },
  },
} as const;

const PIECE_RESULT = {
  type: 'object',
  description: 'One contiguous sample range [offset, offset + limit) of one task, as the runner ran it.',
  additionalProperties: false,
  required: ['task', 'offset', 'limit', 'status', 'seconds', 'error', 'metrics'],
  properties: {
    task: text('The task name, as in the suite\'s configuration.'),
    offset: whole('First sample of the piece.'),
    limit: whole('Number of samples of the piece.'),
    status: { enum: ['ok', 'failed', 'timed-out', 'invalid'], description: 'ok: metrics were read; failed: the command failed; timed-out: the time limit hit; invalid: its results were unreadable.' },
    seconds: { type: 'number', minimum: 0, description: 'Wall time of the piece\'s command, in seconds.' },
    error: { type: ['string', 'null'], maxLength: MAX_TEXT, description: 'What went wrong, for people; null when ok.' },
    metrics: {
      type: 'object',
      description: 'Metric name (e.g. "acc,none") to its value. Empty unless status is ok.',
      maxProperties: MAX_METRICS,
      propertyNames: { type: 'string', minLength: 1, maxLength: MAX_TEXT },
      additionalProperties: METRIC_VALUE,
    },
  },
} as const;

export const SHARD_RESULT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: SHARD_RESULT_SCHEMA_URL,
  title: 'Steward evaluation shard result (steward-shard.json)',
  description: 'What one attempt of one evaluation shard uploads as an artifact: the metrics of each piece it ran. Steward treats it as untrusted input.',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'run', 'shard', 'attempt', 'pool', 'sha', 'startedAt', 'finishedAt', 'pieces'],
  properties: {
    format: { const: 'steward-shard/1', description: 'The version of this format.' },
    run: { type: 'string', pattern: '^[a-z0-9-]+$', minLength: 1, maxLength: 64, description: 'Steward\'s run id, e.g. "r1a2b3c4d5e6".' },
    shard: whole('Shard index within the run.'),
    attempt: whole('1 for the first dispatch, 2 and on for retries.', 1),
    pool: text('The runner pool the shard ran on.'),
    sha: text('The commit evaluated.'),
    startedAt: { type: 'string', format: 'date-time', maxLength: 64, description: 'When the shard started (ISO 8601).' },
    finishedAt: { type: 'string', format: 'date-time', maxLength: 64, description: 'When the shard finished (ISO 8601).' },
    pieces: { type: 'array', maxItems: MAX_PIECES, items: PIECE_RESULT, description: 'One entry per piece of the shard spec, in its order.' },
  },
} as const;
