/** Small builders for the config schema, so each property reads as one line plus its description. */

export type JsonSchema = { [keyword: string]: unknown };

export const RULE_SEVERITIES = ['error', 'warning', 'notice', 'off'] as const;

/** A JavaScript regular expression, checked by the `regex` format that `validate-config.ts` adds. */
export function regex(description: string, nullable = false): JsonSchema {
  return { type: nullable ? ['string', 'null'] : 'string', format: 'regex', ...(nullable ? {} : { minLength: 1 }), description };
}

export function text(description: string): JsonSchema {
  return { type: 'string', minLength: 1, description };
}

export function strings(description: string, item = 'One entry.'): JsonSchema {
  return { type: 'array', items: { type: 'string', minLength: 1, description: item }, description };
}

export function globs(description: string): JsonSchema {
  return strings(description, 'A glob (picomatch syntax): `*` matches within a folder, `**` across folders, e.g. "**/*.pem".');
}

export function flag(description: string): JsonSchema {
  return { type: 'boolean', description };
}

export function count(description: string, minimum = 1): JsonSchema {
  return { type: 'integer', minimum, description };
}

export function choice(values: readonly string[], description: string): JsonSchema {
  return { type: 'string', enum: [...values], description };
}

/** An object whose keys are listed; `open` leaves room for keys that later versions add. */
export function mapping(description: string, properties: Record<string, JsonSchema>, open = false): JsonSchema {
  return { type: 'object', description, properties, additionalProperties: open };
}
