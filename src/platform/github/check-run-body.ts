/** Our CheckPlan -> the JSON GitHub's Checks API takes, with GitHub's limits guarded. */
import type { CheckAnnotation, CheckPlan } from '../port.js';

export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit for a check run's summary and text. */
export const OUTPUT_LIMIT = 65_535;
const MAX_ACTIONS = 3;
const FINGERPRINT_COMMENT = /\n*<!--\s*steward:fingerprint=[^>]*-->\s*$/;

export function toAnnotation(a: CheckAnnotation): Record<string, unknown> {
  const sameLine = a.startLine === a.endLine;
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: a.endLine,
    // GitHub rejects columns on an annotation that spans lines.
    ...(sameLine && a.startColumn !== undefined ? { start_column: a.startColumn } : {}),
    ...(sameLine && a.endColumn !== undefined ? { end_column: a.endColumn } : {}),
    annotation_level: a.level,
    title: a.title,
    message: a.message,
  };
}

/**
 * The report code trims already; this guard keeps a longer text from failing the API call, and
 * keeps the fingerprint comment at the end so an unchanged result is still recognised.
 */
export function fitOutput(text: string, what: string): string {
  if (text.length <= OUTPUT_LIMIT) return text;
  const fingerprint = FINGERPRINT_COMMENT.exec(text)?.[0] ?? '';
  const note = `\n\n_Steward trimmed ${what}: GitHub shows at most ${OUTPUT_LIMIT.toLocaleString('en-US')} characters._`;
  let kept = text.slice(0, OUTPUT_LIMIT - note.length - fingerprint.length);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1); // never split a surrogate pair
  return kept + note + fingerprint;
}

export function chunkAnnotations(plan: CheckPlan): Record<string, unknown>[][] {
  const all = plan.annotations.map(toAnnotation);
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < all.length; i += ANNOTATIONS_PER_REQUEST) batches.push(all.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches.length ? batches : [[]];
}

export function outputOf(plan: CheckPlan, annotations: Record<string, unknown>[]): Record<string, unknown> {
  return {
    title: plan.title,
    summary: fitOutput(plan.summary, 'the summary'),
    ...(plan.text !== null ? { text: fitOutput(plan.text, 'the details') } : {}),
    annotations,
  };
}

/** Everything but the output's annotations beyond the first batch. */
export function checkRunBody(plan: CheckPlan, annotations: Record<string, unknown>[]): Record<string, unknown> {
  return {
    name: plan.name,
    ...(plan.status ? { status: plan.status } : { status: 'completed', conclusion: plan.conclusion }),
    external_id: plan.externalId,
    output: outputOf(plan, annotations),
    actions: plan.actions.slice(0, MAX_ACTIONS).map((a) => ({ label: a.label, description: a.description, identifier: a.identifier })),
  };
}

/** A further batch of annotations: GitHub wants title and summary again, not the text. */
export function batchOutput(plan: CheckPlan, annotations: Record<string, unknown>[]): Record<string, unknown> {
  return { title: plan.title, summary: fitOutput(plan.summary, 'the summary'), annotations };
}
