/**
 * The `shard` input of actions/eval-shard: one ShardSpec as JSON (the workflow passes
 * `toJSON(matrix.shard)`). Checked field by field so a hand-edited dispatch fails with the field
 * named, not deep inside the run.
 */
import { artifactName, type ShardPiece, type ShardSpec } from '../../engines/eval/shard-types.js';
import { InputError } from './read-inputs.js';

type Json = Record<string, unknown>;

export function parseShardInput(text: string): ShardSpec {
  if (!text.trim()) throw new InputError('Input "shard" is empty; pass the matrix entry: `shard: ${{ toJSON(matrix.shard) }}`.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`Input "shard" is not JSON (${(error as Error).message}); pass \`\${{ toJSON(matrix.shard) }}\` from the Steward evaluation workflow.`);
  }
  const problems = describeSpecProblems(data);
  if (problems.length) throw new InputError(`Input "shard" is not a Steward shard spec: ${problems.join('; ')}. Dispatch it through Steward, or fix the JSON.`);
  return data as ShardSpec;
}

function describeSpecProblems(data: unknown): string[] {
  if (!isObject(data)) return ['it is not a JSON object'];
  const problems: string[] = [];
  const need = (ok: boolean, field: string, what: string) => void (ok || problems.push(`"${field}" must be ${what} (got ${JSON.stringify(data[field]) ?? 'nothing'})`));
  need(typeof data.run === 'string' && /^[a-z0-9-]{1,64}$/.test(data.run), 'run', 'a run id of a-z, 0-9 and -');
  need(isCount(data.shard), 'shard', 'a whole number ≥ 0');
  need(isCount(data.attempt) && data.attempt >= 1, 'attempt', 'a whole number ≥ 1');
  for (const field of ['suite', 'pool', 'sha', 'command', 'model'] as const) need(typeof data[field] === 'string' && data[field] !== '', field, 'a non-empty string');
  need(Array.isArray(data.runsOn) && data.runsOn.every((l) => typeof l === 'string'), 'runsOn', 'a list of labels');
  need(data.format === 'lm-eval' || data.format === 'simple', 'format', '"lm-eval" or "simple"');
  need(typeof data.timeoutMinutes === 'number' && data.timeoutMinutes > 0, 'timeoutMinutes', 'a number of minutes > 0');
  const pieces = Array.isArray(data.pieces) ? data.pieces : [];
  need(pieces.length > 0, 'pieces', 'a non-empty list');
  pieces.forEach((piece, i) => problems.push(...describePieceProblems(piece, i)));
  if (isCount(data.shard) && isCount(data.attempt) && typeof data.run === 'string') {
    const expected = artifactName(data.run, data.shard, data.attempt);
    need(data.artifact === expected, 'artifact', `"${expected}"`);
  }
  return problems;
}

function describePieceProblems(piece: unknown, i: number): string[] {
  if (!isObject(piece)) return [`pieces[${i}] must be an object`];
  const p = piece as Partial<ShardPiece>;
  const problems: string[] = [];
  if (typeof p.task !== 'string' || !p.task) problems.push(`pieces[${i}].task must be a task name`);
  if (!isCount(p.offset)) problems.push(`pieces[${i}].offset must be a whole number ≥ 0`);
  if (!isCount(p.limit) || p.limit < 1) problems.push(`pieces[${i}].limit must be a whole number ≥ 1`);
  if (typeof p.whole !== 'boolean') problems.push(`pieces[${i}].whole must be true or false`);
  return problems;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
