/**
 * Reads the simple results format (`schemas/eval-results.simple.schema.json`) for commands that are
 * not lm-eval: `{"metrics": {"name": number | {"value", "stderr"}}, "samples": n}` for one task.
 * The schema lives here as data (engines read no files); a test keeps the published file equal.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ParsedResults } from './parse-lm-eval.js';
import type { MetricValue } from './shard-types.js';

export const SIMPLE_RESULTS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://raw.githubusercontent.com/steward-dev/steward/main/schemas/eval-results.simple.schema.json',
  title: 'Steward simple evaluation results',
  description: 'What an evaluation command with `format: simple` writes into {output}: one task\'s metrics and the number of samples they are over.',
  type: 'object',
  required: ['metrics', 'samples'],
  additionalProperties: false,
  properties: {
    metrics: {
      description: 'Metric name → its value, or {value, stderr} when a standard error is known.',
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        oneOf: [
          { type: 'number' },
          {
            type: 'object',
            required: ['value', 'stderr'],
            additionalProperties: false,
            properties: { value: { type: 'number' }, stderr: { type: ['number', 'null'], minimum: 0 } },
          },
        ],
      },
    },
    samples: { description: 'How many samples the metrics are over.', type: 'integer', minimum: 0 },
    higher_is_better: {
      description: 'Metric name → whether a larger value is better (default true).',
      type: 'object',
      additionalProperties: { type: 'boolean' },
    },
  },
} as const;

interface SimpleResults {
  metrics: Record<string, number | { value: number; stderr: number | null }>;
  samples: number;
  higher_is_better?: Record<string, boolean>;
}

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, allowUnionTypes: true }).compile(SIMPLE_RESULTS_SCHEMA);
  return compiled;
}

export function parseSimpleResults(text: string, task: string): ParsedResults {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { metrics: {}, problems: [`The results file is not JSON (${(error as Error).message}); write {"metrics": {...}, "samples": n}.`] };
  }
  const validate = validator();
  if (!validate(data)) return { metrics: {}, problems: describeErrors(validate.errors ?? []) };
  const simple = data as SimpleResults;
  const metrics: Record<string, MetricValue> = {};
  for (const [name, entry] of Object.entries(simple.metrics)) {
    const { value, stderr } = typeof entry === 'number' ? { value: entry, stderr: null } : entry;
    metrics[name] = { value, stderr, n: simple.samples, higherIsBetter: simple.higher_is_better?.[name] ?? null };
  }
  return { metrics: { [task]: metrics }, problems: [] };
}

/** One sentence per schema error, naming the place in the file (oneOf noise folded into one line). */
function describeErrors(errors: ErrorObject[]): string[] {
  const lines = errors
    .filter((e) => e.keyword !== 'oneOf')
    .map((e) => {
      const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the file';
      const extra = e.keyword === 'additionalProperties' ? ` ("${String(e.params.additionalProperty)}")` : '';
      return `${where} ${e.message ?? 'is invalid'}${extra}`;
    });
  const unique = [...new Set(lines)];
  return [`The results file does not match the simple format (schemas/eval-results.simple.schema.json): ${unique.join('; ')}.`];
}
