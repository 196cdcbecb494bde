/** Turns ajv's errors into sentences for the person who edits the file. */
import type { ErrorObject } from 'ajv';
import { describeValue, formatConfigPath, fromJsonPointer, toJsonPointer } from './config-path.js';
import { suggestKey } from './suggest-key.js';

/** Where a problem is shown: the value, the key itself (unknown keys), or the mapping it belongs to. */
export type ProblemTarget = 'value' | 'key' | 'parent';

export interface SchemaProblem {
  /** Path of the offending value (for unknown keys: of the key; for missing keys: of the parent). */
  segments: string[];
  target: ProblemTarget;
  message: string;
  hint: string | null;
  /** JSON Pointer of the offending or missing value. */
  field: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false',
  array: 'a list', object: 'a mapping', null: 'empty (null)',
};

type Schema = Record<string, unknown>;

function typeList(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function describeAlternative(schema: Schema): string {
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' or ');
  const base = typeList(schema.type);
  return typeof schema.minimum === 'number' ? `${base} of at least ${schema.minimum}` : base;
}

function typeHint(expected: unknown, data: unknown, description: string | null): string | null {
  const types = Array.isArray(expected) ? expected : [expected];
  if (typeof data === 'string' && types.includes('boolean') && /^(yes|no|on|off|y|n)$/i.test(data)) {
    return 'YAML 1.2 reads yes, no, on and off as text: write true or false.';
  }
  if (typeof data === 'string' && types.some((t) => t === 'number' || t === 'integer') && /^[\d_,.]+$/.test(data)) {
    return 'Write the number without quotes, underscores or commas, e.g. 10000000.';
  }
  return description;
}

function unknownKey(error: ErrorObject, where: string[]): Omit<SchemaProblem, 'field'> {
  const key = String((error.params as { additionalProperty: string }).additionalProperty);
  const known = Object.keys((error.parentSchema?.properties as Schema | undefined) ?? {});
  const suggestion = suggestKey(key, known);
  const place = where.length === 0 ? 'at the top level' : `in ${formatConfigPath(where)}`;
  return {
    segments: [...where, key],
    target: 'key',
    message: `unknown key '${key}' ${place}${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
    hint: known.length > 0 ? `Known keys here: ${known.join(', ')}.` : null,
  };
}

const REGEX_HINT = 'Write a JavaScript regular expression; in YAML, single-quote it so that backslashes stay as written.';
const ROOT_HINT = 'Start lines with top-level keys (style:, model-cards:, evaluation:, reconcile:); an empty file means all defaults.';

/** What is wrong with a value, for the keywords that judge values. */
function valueMessage(error: ErrorObject, where: string): string {
  const got = describeValue(error.data);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${where} must be ${typeList(params.type)}, got ${got}`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).join(', ')}; got ${got}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}, got ${got}`;
    case 'anyOf':
    case 'oneOf':
      return `${where} must be ${((Array.isArray(error.schema) ? error.schema : []) as Schema[]).map(describeAlternative).join(' or ')}, got ${got}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${where} must be ${error.keyword === 'minimum' ? 'at least' : 'more than'} ${String(params.limit)}, got ${got}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${where} must be ${error.keyword === 'maximum' ? 'at most' : 'less than'} ${String(params.limit)}, got ${got}`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'format':
      return `${where} is not a valid regular expression: ${regexError(error.data)}`;
    case 'pattern':
      return `${where} is not in a form Steward understands, got ${got}`;
    default:
      return `${where} ${error.message ?? 'is not valid'}, got ${got}`;
  }
}

/** The sentence for one ajv error, and where to show it; the hint is the property's description unless something fits better. */
function describeOne(error: ErrorObject): Omit<SchemaProblem, 'field'> {
  const segments = fromJsonPointer(error.instancePath);
  const where = formatConfigPath(segments);
  const parent = (error.parentSchema ?? {}) as Schema;
  const description = typeof parent.description === 'string' ? parent.description : null;
  if (error.keyword === 'additionalProperties') return unknownKey(error, segments);
  if (error.keyword === 'required') {
    const message = `${where} is missing the required key '${String(error.params.missingProperty)}'`;
    return { segments, target: 'parent', message, hint: description };
  }
  if (error.keyword === 'type' && segments.length === 0) {
    return { segments, target: 'value', message: `the config must be a mapping of keys such as style:, got ${describeValue(error.data)}`, hint: ROOT_HINT };
  }
  const hint = error.keyword === 'format' ? REGEX_HINT
    : error.keyword === 'type' ? typeHint(error.params.type, error.data, description) : description;
  return { segments, target: 'value', message: valueMessage(error, where), hint };
}

function regexError(pattern: unknown): string {
  try {
    new RegExp(String(pattern));
    return 'it is not accepted';
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

/** The errors that an anyOf/oneOf error sums up (its branches' complaints about the same value). */
function isExplainedByUnion(error: ErrorObject, unions: readonly ErrorObject[]): boolean {
  return unions.some((u) => u !== error && u.instancePath === error.instancePath && error.schemaPath.startsWith(`${u.schemaPath}/`));
}

/** The errors worth a sentence: not the branches of a union, which the union's own error sums up. */
export function relevantSchemaErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return unions.length === 0 ? [...errors] : errors.filter((e) => !isExplainedByUnion(e, unions));
}

export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  return relevantSchemaErrors(errors).map((error) => {
    const problem = describeOne(error);
    const missing = error.keyword === 'required' ? [String(error.params.missingProperty)] : [];
    return { ...problem, field: toJsonPointer([...problem.segments, ...missing]) };
  });
}
