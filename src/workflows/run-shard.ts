/**
 * Runs one shard: each piece's command in turn, within the shard's time limit, then reads the
 * results file it wrote. A piece that fails does not stop the others: partial results still reach
 * Steward, which decides what to retry.
 */
import { parseLmEvalResults, type ParsedResults } from '../engines/eval/parse-lm-eval.js';
import { parseSimpleResults } from '../engines/eval/parse-simple-results.js';
import { renderCommand } from '../engines/eval/render-command.js';
import { MAX_TEXT } from '../engines/eval/shard-result-schema.js';
import type { PieceResult, ShardPiece, ShardResult, ShardSpec } from '../engines/eval/shard-types.js';
import type { ShardExecutor } from '../platform/port.js';

export interface RunShardOptions {
  cwd: string;
  now: () => Date;
  onPiece?: (piece: PieceResult) => void;
}

/** lm-eval results files carry the whole task configs; 32 MiB is far above any real one. */
export const MAX_RESULTS_BYTES = 32 * 1024 * 1024;

export async function runShard(spec: ShardSpec, exec: ShardExecutor, options: RunShardOptions): Promise<ShardResult> {
  const startedAt = options.now();
  const deadline = startedAt.getTime() + spec.timeoutMinutes * 60_000;
  const pieces: PieceResult[] = [];
  for (const [index, piece] of spec.pieces.entries()) {
    const left = deadline - options.now().getTime();
    const result = left <= 0 ? skipped(piece, spec.timeoutMinutes) : await runPiece(spec, piece, index, exec, { cwd: options.cwd, timeoutMs: left });
    pieces.push(result);
    options.onPiece?.(result);
  }
  return {
    format: 'steward-shard/1', run: spec.run, shard: spec.shard, attempt: spec.attempt, pool: spec.pool, sha: spec.sha,
    startedAt: startedAt.toISOString(), finishedAt: options.now().toISOString(), pieces,
  };
}

function skipped(piece: ShardPiece, minutes: number): PieceResult {
  return outcome(piece, 'timed-out', 0, `Not started: the shard's time limit of ${minutes} minutes was used up by the pieces before it.`);
}

async function runPiece(spec: ShardSpec, piece: ShardPiece, index: number, exec: ShardExecutor, run: { cwd: string; timeoutMs: number }): Promise<PieceResult> {
  const output = await exec.makeOutputDir(`${spec.run}-${spec.shard}-${index}`);
  try {
    return await runPieceIn(spec, piece, exec, run, output);
  } finally {
    await exec.removeOutputDir(output).catch(() => undefined);
  }
}

async function runPieceIn(spec: ShardSpec, piece: ShardPiece, exec: ShardExecutor, run: { cwd: string; timeoutMs: number }, output: string): Promise<PieceResult> {
  let command: string;
  try {
    command = renderCommand(spec.command, { task: piece.task, model: spec.model, shard: spec.shard, limit: piece.limit, offset: piece.offset, output });
  } catch (error) {
    return outcome(piece, 'invalid', 0, (error as Error).message);
  }
  const ran = await exec.runCommand(command, run);
  const tail = ran.outputTail ? `\nLast output:\n${ran.outputTail}` : '';
  if (ran.timedOut) {
    return outcome(piece, 'timed-out', ran.seconds, `The command ran past the shard's time limit of ${spec.timeoutMinutes} minutes and was stopped.${tail}`);
  }
  if (ran.exitCode !== 0) {
    return outcome(piece, 'failed', ran.seconds, `The command exited with ${ran.exitCode === null ? 'a signal' : `code ${ran.exitCode}`}.${tail}`);
  }
  const read = await readPieceMetrics(spec, piece, exec, output);
  if ('error' in read) return outcome(piece, 'invalid', ran.seconds, read.error);
  return { ...outcome(piece, 'ok', ran.seconds, null), metrics: read.metrics };
}

function outcome(piece: ShardPiece, status: PieceResult['status'], seconds: number, error: string | null): PieceResult {
  return { task: piece.task, offset: piece.offset, limit: piece.limit, status, seconds, error: error === null ? null : fitText(error), metrics: {} };
}

/** The result schema caps texts (MAX_TEXT): keep the first line (what happened) and the end of the output. */
export function fitText(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const head = text.split('\n', 1)[0]!.slice(0, Math.floor(max / 2));
  const marker = '\n[…]\n';
  return `${head}${marker}${text.slice(text.length - (max - head.length - marker.length))}`;
}

async function readPieceMetrics(spec: ShardSpec, piece: ShardPiece, exec: ShardExecutor, output: string): Promise<{ metrics: PieceResult['metrics'] } | { error: string }> {
  const files = await exec.readOutputs(output, MAX_RESULTS_BYTES);
  const picked = pickResultsFile(files);
  if ('error' in picked) return picked;
  const parsed: ParsedResults = spec.format === 'lm-eval' ? parseLmEvalResults(picked.text) : parseSimpleResults(picked.text, piece.task);
  const metrics = parsed.metrics[piece.task];
  if (metrics && Object.keys(metrics).length) return { metrics };
  const found = Object.keys(parsed.metrics);
  const problems = parsed.problems.length ? ` ${parsed.problems.slice(0, 5).join(' ')}` : '';
  if (metrics) return { error: `The results file has task "${piece.task}" but no numeric metrics for it.${problems}` };
  return {
    error: `The results file has no task "${piece.task}"; it has ${found.length ? found.map((t) => `"${t}"`).join(', ') : 'none'}.` +
      ` Check that the command passes {task} to the evaluation.${problems}`,
  };
}

type Output = { path: string; text: string | null; bytes: number };

/** lm-eval writes <output>/<model>/results_<ISO time>.json: the newest is the last by name. Otherwise one *.json. */
export function pickResultsFile(files: readonly Output[]): { text: string } | { error: string } {
  const json = files.filter((f) => /\.json$/i.test(f.path));
  const results = json.filter((f) => /^results_.*\.json$/i.test(baseName(f.path)));
  const candidates = results.length ? results : json;
  if (!candidates.length) {
    return { error: 'The command wrote no results file into {output}; lm-eval needs `--output_path {output}`, other commands write one JSON file there.' };
  }
  if (!results.length && json.length > 1) {
    return { error: `The command wrote several JSON files into {output} (${json.map((f) => baseName(f.path)).join(', ')}); write exactly one, or lm-eval's results_*.json.` };
  }
  const newest = [...candidates].sort((a, b) => baseName(a.path).localeCompare(baseName(b.path))).at(-1)!;
  if (newest.text === null) {
    return { error: `The results file ${baseName(newest.path)} is ${newest.bytes} bytes, over the ${MAX_RESULTS_BYTES}-byte limit, or not text.` };
  }
  return { text: newest.text };
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
