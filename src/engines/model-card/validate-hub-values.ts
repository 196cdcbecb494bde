/** The value half of the huggingface profile: ids from the Hub's lists, with "did you mean". */
import { ALL_MODEL_LIBRARY_KEYS, PIPELINE_TYPES } from '@huggingface/tasks';
import type { Finding } from '../findings.js';
import { hubFinding, toPointer, type HubProblem } from './hub-finding.js';
import { checkLanguageValue } from './hub-languages.js';
import { HUB_LICENSE_IDS, isHubLicense, stripSpdxSuffix } from './hub-licenses.js';
import { suggestClosest } from './suggest-closest.js';
import type { ParsedCard } from './types.js';

const PIPELINES: readonly string[] = PIPELINE_TYPES;
const LIBRARIES: readonly string[] = ALL_MODEL_LIBRARY_KEYS;
export const BASE_MODEL_RELATIONS: readonly string[] = ['adapter', 'merge', 'quantized', 'finetune'];

/** Each string of a string-or-list field with its pointer; other shapes are the schema's business. */
function entries(data: Record<string, unknown>, key: string): { value: string; field: string }[] {
  const value = data[key];
  if (typeof value === 'string') return [{ value, field: toPointer(key) }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => (typeof item === 'string' ? [{ value: item, field: toPointer(key, i) }] : []));
}

function didYouMean(key: string, value: string, what: string, suggestion: string | null, fallback: string): Omit<HubProblem, 'field'> {
  return {
    rule: 'card-schema',
    severity: 'error',
    message: `${key} '${value}' ${what}${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
    hint: suggestion ? `Write: ${key}: ${suggestion}` : fallback,
  };
}

function licenseProblems(data: Record<string, unknown>): HubProblem[] {
  return entries(data, 'license').flatMap(({ value, field }) => {
    if (isHubLicense(value)) return [];
    const suggestion = suggestClosest(value, HUB_LICENSE_IDS) ?? suggestClosest(stripSpdxSuffix(value), HUB_LICENSE_IDS);
    const fallback = 'Use an id from https://huggingface.co/docs/hub/repositories-licenses, or write license: other with license_name and license_link.';
    return [{ field, ...didYouMean('license', value, 'is not a Hub license id', suggestion, fallback) }];
  });
}

function languageProblems(data: Record<string, unknown>): HubProblem[] {
  return entries(data, 'language').flatMap(({ value, field }) => {
    const verdict = checkLanguageValue(value);
    if (verdict.ok) return [];
    const fallback = 'Use an ISO 639 code (en, fr, zh, ...), "multilingual" or "code"; put regional variants in language_bcp47.';
    return [{ field, ...didYouMean('language', value, verdict.reason, verdict.suggestion, fallback) }];
  });
}

function listProblem(data: Record<string, unknown>, key: string, list: readonly string[], what: string, fallback: string): HubProblem[] {
  const value = data[key];
  if (typeof value !== 'string' || list.includes(value)) return [];
  return [{ field: toPointer(key), ...didYouMean(key, value, what, suggestClosest(value, list), fallback) }];
}

function baseModelProblems(data: Record<string, unknown>): HubProblem[] {
  return entries(data, 'base_model').flatMap(({ value, field }) => {
    if (/^[\w.-]+(\/[\w.-]+)?$/.test(value)) return [];
    const fromUrl = /^https?:\/\/(?:www\.)?huggingface\.co\/([\w.-]+\/[\w.-]+)\/?$/.exec(value.trim());
    const suggestion = fromUrl ? fromUrl[1]! : null;
    return [{ field, ...didYouMean('base_model', value, 'is not a Hub model id (owner/name)', suggestion, 'Write the model id as on the Hub, e.g. base_model: meta-llama/Llama-2-7b-hf.') }];
  });
}

/** card-schema findings for values outside the Hub's lists. */
export function checkHubValues(card: ParsedCard, data: Record<string, unknown>): Finding[] {
  const problems = [
    ...licenseProblems(data),
    ...languageProblems(data),
    ...listProblem(data, 'pipeline_tag', PIPELINES, 'is not a Hub task', 'Use a task id from https://huggingface.co/tasks, e.g. text-generation.'),
    ...listProblem(data, 'base_model_relation', BASE_MODEL_RELATIONS, 'is not one of adapter, merge, quantized, finetune', 'Write one of adapter, merge, quantized, finetune, or remove it and let the Hub infer it.'),
    ...baseModelProblems(data),
  ];
  // Custom libraries are common and the Hub's handling of unknown ones is unverified: warn, don't fail.
  const library = listProblem(data, 'library_name', LIBRARIES, 'is not a library the Hub knows', 'Use a key from @huggingface/tasks MODEL_LIBRARIES_UI_ELEMENTS, e.g. transformers; the Hub shows no library widget otherwise.');
  return [...problems, ...library.map((p) => ({ ...p, severity: 'warning' as const }))].map((p) => hubFinding(card, p));
}
