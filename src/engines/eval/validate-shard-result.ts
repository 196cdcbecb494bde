/**
 * Checks an uploaded `steward-shard.json` before anything reads its numbers: the runner that wrote
 * it may have run a pull request's code, so it is untrusted. Never throws; every problem comes back
 * with its JSON pointer, so whoever maintains the shard command can find it.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ShardResult } from './shard-types.js';
import { MAX_METRICS, MAX_PIECES, SHARD_RESULT_SCHEMA } from './shard-result-schema.js';

export type ShardValidation = { ok: true; result: ShardResult } | { ok: false; problems: string[] };

/** More problems than this are counted, not listed: a broken writer repeats the same mistake. */
const MAX_PROBLEMS = 50;

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext typing.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

// Compiled once per process: every artifact of every run uses the same schema.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictNumbers: true, allowUnionTypes: true, logger: false });
addFormats(ajv);
const validate = ajv.compile<ShardResult>(SHARD_RESULT_SCHEMA);

export function validateShardResult(json: unknown): ShardValidation {
  try {
    const oversize = findOversize(json);
    if (oversize) return { ok: false, problems: [oversize] };
    const problems = validate(json) ? checkMeaning(json) : (validate.errors ?? []).map(describeError);
    if (problems.length === 0) return { ok: true, result: json as ShardResult };
    return { ok: false, problems: capProblems(problems) };
  } catch (error) {
    return { ok: false, problems: [`/: the file could not be checked (${String((error as Error)?.message ?? error).slice(0, 200)})`] };
  }
}

/** Size limits first, so a huge artifact is refused before the schema walks every element. */
function findOversize(json: unknown): string | null {
  const pieces = (json as { pieces?: unknown } | null)?.pieces;
  if (!Array.isArray(pieces)) return null;
  if (pieces.length > MAX_PIECES) return `/pieces: has ${pieces.length} pieces; at most ${MAX_PIECES} are accepted. Split the suite into more shards.`;
  for (let i = 0; i < pieces.length; i++) {
    const metrics = (pieces[i] as { metrics?: unknown } | null)?.metrics;
    if (metrics && typeof metrics === 'object' && Object.keys(metrics).length > MAX_METRICS) {
      return `/pieces/${i}/metrics: has more than ${MAX_METRICS} metrics; report fewer metrics per task.`;
    }
  }
  return null;
}

/** What the schema cannot say: ranges that overflow, metrics on failed pieces, pieces run twice. */
function checkMeaning(result: ShardResult): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  result.pieces.forEach((piece, i) => {
    const at = `/pieces/${i}`;
    if (piece.offset + piece.limit > Number.MAX_SAFE_INTEGER) problems.push(`${at}: offset + limit (${piece.offset} + ${piece.limit}) is beyond the largest safe integer.`);
    if (piece.status !== 'ok' && Object.keys(piece.metrics).length > 0) problems.push(`${at}/metrics: a piece with status "${piece.status}" must have no metrics.`);
    if (piece.status !== 'ok' && piece.error === null) problems.push(`${at}/error: a piece with status "${piece.status}" must say what went wrong.`);
    const key = JSON.stringify([piece.task, piece.offset, piece.limit]);
    if (seen.has(key)) problems.push(`${at}: task "${piece.task}" at offset ${piece.offset} (limit ${piece.limit}) appears twice.`);
    seen.add(key);
    for (const [name, metric] of Object.entries(piece.metrics)) {
      const where = `${at}/metrics/${escapePointer(name)}`;
      if (!Number.isFinite(metric.value)) problems.push(`${where}/value: must be a finite number.`);
      if (metric.stderr !== null && !Number.isFinite(metric.stderr)) problems.push(`${where}/stderr: must be a finite number or null.`);
    }
  });
  if (Date.parse(result.finishedAt) < Date.parse(result.startedAt)) problems.push('/finishedAt: is before /startedAt.');
  return problems;
}

function describeError(error: ErrorObject): string {
  const at = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `${at}: has unknown key "${String(params.additionalProperty)}"; remove it.`;
  if (error.keyword === 'required') return `${at}: is missing "${String(params.missingProperty)}".`;
  if (error.keyword === 'enum') return `${at}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
  if (error.keyword === 'const') return `${at}: must be ${JSON.stringify(params.allowedValue)}.`;
  return `${at}: ${error.message ?? 'is not allowed'}.`;
}

function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more problems.`];
}

/** RFC 6901: "~" and "/" in a key are escaped in a JSON pointer. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
