/** The structural half of the huggingface profile: ajv on the schema, errors retold for people. */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { Finding } from '../findings.js';
import { describeType, hubFinding, pointerLabel, type HubProblem } from './hub-finding.js';
import { HUGGINGFACE_CARD_SCHEMA } from './profile-huggingface-schema.js';
import type { ParsedCard } from './types.js';

// Compiled once per process: cards are checked by the thousand.
const validate = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true }).compile(HUGGINGFACE_CARD_SCHEMA);

const TYPE_WORDS: Record<string, string> = {
  string: 'text', array: 'a list', object: 'a mapping', number: 'a number', boolean: 'true or false', null: 'empty',
};

const MISSING_HINTS: Record<string, string> = {
  dataset: 'Add dataset: {type: <Hub dataset id>, name: <display name>}; huggingface_hub cannot read a result without it.',
  results: 'Add results: [] when there are no evaluation results yet.',
  value: 'Add value: <the score>; huggingface_hub cannot read a metric without it.',
  metrics: 'Add metrics: a list of {type, value}.',
  url: 'Add url: <where the result comes from>, or remove source.',
};

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function typeProblem(error: ErrorObject, data: unknown): HubProblem {
  const field = error.instancePath;
  const value = valueAt(data, field);
  const label = pointerLabel(field);
  const types = [error.params.type as string | string[]].flat();
  const wanted = types.join() === 'string,array' ? 'text or a list of text' : types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  if (field === '/model-index' && describeType(value) === 'a mapping') {
    return {
      rule: 'card-schema', severity: 'error', field,
      message: "'model-index' is a mapping; huggingface_hub reads it as a list of models and cannot parse it",
      hint: 'Start the entry with a dash. Write: model-index:\n  - name: <model name>\n    results: []',
    };
  }
  if (typeof value === 'boolean' && field.startsWith('/language')) {
    return {
      rule: 'card-schema', severity: 'error', field,
      message: `'${label}' is the boolean ${String(value)}: the Hub's YAML 1.1 reader turns unquoted no/yes/on/off into booleans`,
      hint: `Quote the code. Write: "${value ? 'yes' : 'no'}"`,
    };
  }
  return { rule: 'card-schema', severity: 'error', field, message: `'${label}' must be ${wanted}, not ${describeType(value)}`, hint: null };
}

function toProblem(error: ErrorObject, data: unknown): HubProblem | null {
  if (error.keyword === 'type') return typeProblem(error, data);
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    const field = `${error.instancePath}/${missing}`;
    return {
      rule: 'card-schema', severity: 'error', field, atKey: true,
      message: `'${pointerLabel(error.instancePath)}' lacks '${missing}'`,
      hint: MISSING_HINTS[missing] ?? `Add ${missing}.`,
    };
  }
  return null;
}

/** card-schema findings for the structure of the front matter (types, required model-index parts). */
export function checkHubStructure(card: ParsedCard, data: Record<string, unknown>): Finding[] {
  if (validate(data)) return [];
  const problems = (validate.errors ?? []).flatMap((error) => toProblem(error, data) ?? []);
  return problems.map((problem) => hubFinding(card, problem));
}
