/** ajv's errors on a repository schema, retold for people, each at the JSON Pointer of the value at fault. */
import type { ErrorObject } from 'ajv';
import { pointerLabel, toPointer } from './hub-finding.js';
import { kindOf, listOf, plain, shown, valueAt } from './repo-schema-values.js';

export interface SchemaProblem {
  /** JSON Pointer: the value at fault, the missing property, or the unknown key. */
  field: string;
  message: string;
  /** Point at the key (unknown keys) rather than the value. */
  atKey: boolean;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', array: 'a list', object: 'a mapping', null: 'empty',
};

export function describeSchemaErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const kept = dropBranchErrors(errors.filter((error) => error.keyword !== 'if'));
  const seen = new Set<string>();
  return kept.flatMap((error) => {
    const problem = describe(error, data, errors);
    const key = `${problem.field}\n${problem.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [problem];
  });
}

/** Errors inside an anyOf/oneOf branch say why each alternative failed; the anyOf error says it better. */
function dropBranchErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const branches = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf').map((error) => `${error.schemaPath}/`);
  return errors.filter((error) => !branches.some((prefix) => error.schemaPath.startsWith(prefix)));
}

function describe(error: ErrorObject, data: unknown, all: readonly ErrorObject[]): SchemaProblem {
  const field = error.instancePath;
  const label = labelOf(field);
  const value = valueAt(data, field);
  const params = error.params as Record<string, unknown>;
  const at = (message: string, where = field, atKey = false): SchemaProblem => ({ field: where, message, atKey });
  switch (error.keyword) {
    case 'required':
      return at(`${labelOf(field + toPointer(String(params.missingProperty)))} is required`, field + toPointer(String(params.missingProperty)));
    case 'dependentRequired':
    case 'dependencies':
      return at(`${labelOf(field + toPointer(String(params.missingProperty)))} is required when ${String(params.property)} is set`, field + toPointer(String(params.missingProperty)));
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const list = allowed.length ? ` (allowed: ${listOf(allowed)})` : '';
      return at(`'${name}' is not allowed in ${field ? label : 'the front matter'}${list}`, field + toPointer(name), true);
    }
    case 'enum':
      return at(`${label} must be one of: ${listOf((params.allowedValues as unknown[]).map(plain))} (got ${shown(value)})`);
    case 'const':
      return at(`${label} must be ${shown(params.allowedValue)} (got ${shown(value)})`);
    case 'type':
      return at(`'${label}' must be ${typeWords(params.type)}, not ${kindOf(value)}`);
    case 'anyOf':
    case 'oneOf':
      return describeChoice(error, label, value, all);
    case 'pattern':
      return at(`${label} must match the pattern ${String(params.pattern)} (got ${shown(value)})`);
    case 'format':
      return at(`${label} must be a valid ${String(params.format)} (got ${shown(value)})`);
    case 'minLength':
    case 'maxLength':
      return at(`${label} must be ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params.limit)} characters long (got ${shown(value)})`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(`${label} must be ${String(params.comparison)} ${String(params.limit)} (got ${shown(value)})`);
    case 'multipleOf':
      return at(`${label} must be a multiple of ${String(params.multipleOf)} (got ${shown(value)})`);
    case 'minItems':
    case 'maxItems':
      return at(`${label} must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} items (it has ${Array.isArray(value) ? value.length : 0})`);
    case 'minProperties':
    case 'maxProperties':
      return at(`${label} must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(params.limit)} keys`);
    case 'uniqueItems':
      return at(`${label} lists the same item twice (items ${String(params.j)} and ${String(params.i)})`);
    case 'contains':
      return at(`${label} has no item of the kind the schema requires`);
    case 'propertyNames':
      return at(`'${String(params.propertyName)}' is not an allowed key in ${field ? label : 'the front matter'}`, field + toPointer(String(params.propertyName)), true);
    case 'not':
      return at(`${label} has a value the schema forbids (got ${shown(value)})`);
    case 'false schema':
      return at(`${label} is not allowed here`, field, true);
    default:
      return at(`${label} ${error.message ?? 'does not match the schema'}`);
  }
}

/** anyOf/oneOf: name the types when the alternatives differ by type only. */
function describeChoice(error: ErrorObject, label: string, value: unknown, all: readonly ErrorObject[]): SchemaProblem {
  const field = error.instancePath;
  const inner = all.filter((e) => e.schemaPath.startsWith(`${error.schemaPath}/`));
  const types = inner.every((e) => e.keyword === 'type' && e.instancePath === field) ? inner.map((e) => e.params.type as unknown) : [];
  if ((error.params as { passingSchemas?: unknown }).passingSchemas) {
    return { field, atKey: false, message: `${label} matches more than one of the allowed forms; it must match exactly one` };
  }
  if (types.length > 0) return { field, atKey: false, message: `'${label}' must be ${typeWords(types.flat())}, not ${kindOf(value)}` };
  return { field, atKey: false, message: `${label} matches none of the allowed forms (got ${shown(value)})` };
}

function labelOf(pointer: string): string {
  return pointer ? pointerLabel(pointer) : 'the front matter';
}

function typeWords(type: unknown): string {
  const words = [...new Set([type].flat().map((t) => TYPE_WORDS[String(t)] ?? String(t)))];
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0] ?? 'something else';
}
