/** Schema validation of config data: one ajv validator, compiled on first use and kept. */
import { Ajv, type ValidateFunction } from 'ajv';
import { describeSchemaErrors, relevantSchemaErrors, type SchemaProblem } from './describe-schema-errors.js';
import { STEWARD_SCHEMA } from './schema/steward-schema.js';

let compiled: ValidateFunction | null = null;

/** The `regex` format as the rules use patterns: `new RegExp(pattern)`, no `u` flag (ajv-formats adds one). */
function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function validator(): ValidateFunction {
  if (compiled) return compiled;
  // verbose: errors carry the data and the schema, for "got ..." and "did you mean ..." in messages.
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
  ajv.addFormat('regex', { type: 'string', validate: isRegExp });
  compiled = ajv.compile(STEWARD_SCHEMA);
  return compiled;
}

/** Every schema problem of the data, or [] when it is a valid (partial) Steward config. */
export function validateConfigData(data: unknown): SchemaProblem[] {
  return checkConfigData(data, Infinity).problems;
}

/**
 * The first `limit` schema problems and how many more there are: describing and locating each
 * costs time, and a hostile file can hold 50,000 unknown keys.
 */
export function checkConfigData(data: unknown, limit: number): { problems: SchemaProblem[]; omitted: number } {
  const validate = validator();
  if (validate(data)) return { problems: [], omitted: 0 };
  const errors = relevantSchemaErrors(validate.errors ?? []);
  return { problems: describeSchemaErrors(errors.slice(0, limit)), omitted: Math.max(0, errors.length - limit) };
}
