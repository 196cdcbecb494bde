/** card-consistency: fields that only make sense together (license other + license_name, base_model + relation). */
import type { Finding } from '../findings.js';
import { hubFinding, toPointer, type HubProblem } from './hub-finding.js';
import type { ParsedCard } from './types.js';

function warn(field: string, message: string, hint: string): HubProblem {
  return { rule: 'card-consistency', severity: 'warning', field, message, hint };
}

function licenseProblems(data: Record<string, unknown>): HubProblem[] {
  const licenses = [data.license].flat();
  const isOther = licenses.includes('other');
  const problems: HubProblem[] = [];
  if (isOther && data.license_name === undefined) {
    problems.push(warn(toPointer('license'), "license is 'other' but license_name is missing, so the Hub cannot name the license",
      'Add an id for the license and a link to its text. Write: license_name: <my-license-1.0>'));
  }
  for (const key of ['license_name', 'license_link']) {
    if (data[key] !== undefined && !isOther && data.license !== undefined) {
      problems.push(warn(toPointer(key), `${key} is set but license is not 'other'; the Hub only reads ${key} for license: other`,
        `Write: license: other (for a license outside the Hub's list), or remove ${key}.`));
    }
  }
  return problems;
}

function baseModelProblems(data: Record<string, unknown>): HubProblem[] {
  const relation = data.base_model_relation;
  if (typeof relation !== 'string') return [];
  const base = data.base_model;
  const count = base === undefined || base === null ? 0 : Array.isArray(base) ? base.length : 1;
  const field = toPointer('base_model_relation');
  if (count === 0) {
    return [warn(field, `base_model_relation is '${relation}' but base_model is missing`, 'Add base_model: <owner/name> of the model this one derives from.')];
  }
  if (relation === 'merge' && count < 2) {
    return [warn(field, "base_model_relation is 'merge' but base_model names one model; a merge combines several", 'List every merged model under base_model, or use adapter, quantized or finetune.')];
  }
  if (relation !== 'merge' && count > 1) {
    return [warn(field, `base_model lists ${count} models but base_model_relation is '${relation}'; several base models mean a merge`, 'Write: base_model_relation: merge')];
  }
  return [];
}

const GATED_FIELD_TYPES = ['text', 'checkbox', 'date_picker', 'country', 'ip_location', 'select'];

/** extra_gated_fields values: a type name, or {type, options}; the Hub's form knows these types only. */
function gatedFieldProblems(data: Record<string, unknown>): HubProblem[] {
  const fields = data.extra_gated_fields;
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return [];
  return Object.entries(fields).flatMap(([name, spec]) => {
    const type = typeof spec === 'string' ? spec : spec && typeof spec === 'object' ? (spec as { type?: unknown }).type : undefined;
    if (typeof type === 'string' && GATED_FIELD_TYPES.includes(type) && (typeof spec === 'object' || type !== 'select')) return [];
    return [{
      rule: 'card-schema' as const, severity: 'error' as const, field: toPointer('extra_gated_fields', name),
      message: `extra_gated_fields '${name}' has no field type the Hub's gate form knows`,
      hint: `Write: ${name}: text (or checkbox, date_picker, country, ip_location, or {type: select, options: [...]})`,
    }];
  });
}

export function checkHubConsistency(card: ParsedCard, data: Record<string, unknown>): Finding[] {
  return [...licenseProblems(data), ...baseModelProblems(data), ...gatedFieldProblems(data)].map((p) => hubFinding(card, p));
}
