/**
 * actions/eval-shard, step 1 of the composite action: run the shard described by the `shard` input,
 * write steward-shard.json into a result folder for step 2 (actions/upload-artifact), a job summary
 * and the outputs. Fails the step only when the input is wrong or no piece produced results:
 * partial results are still uploaded, and Steward decides what to retry.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SHARD_RESULT_FILE, type PieceResult } from '../../engines/eval/shard-types.js';
import { createShardExecutor } from '../../platform/local/create-shard-executor.js';
import { runShard } from '../../workflows/run-shard.js';
import { parseShardInput } from './eval-shard-spec.js';
import { renderShardSummary } from './eval-shard-summary.js';
import { getInput } from './read-inputs.js';
import { outputsText } from './run-check.js';
import { formatCommand, guardLog } from './workflow-commands.js';

type Env = Readonly<Record<string, string | undefined>>;

export async function runEvalShard(env: Env, print: (line: string) => void): Promise<0 | 1 | 2> {
  const spec = parseShardInput(getInput(env, 'shard'));
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const cwd = path.resolve(workspace, getInput(env, 'working-directory') || '.');
  const budget = { ...spec, timeoutMinutes: commandMinutes(spec.timeoutMinutes) };
  print(`Steward: shard ${spec.shard} of run ${spec.run} (attempt ${spec.attempt}), ${spec.pieces.length} piece(s), ${budget.timeoutMinutes} of the job's ${spec.timeoutMinutes} minutes for the commands.`);
  const temp = env.RUNNER_TEMP || os.tmpdir();
  const result = await runShard(budget, createShardExecutor({ outputRoot: temp }), { cwd, now: () => new Date(), onPiece: (piece) => printPiece(piece, print) });

  const resultDir = path.join(temp, `steward-shard-${spec.artifact}`);
  await mkdir(resultDir, { recursive: true });
  const resultFile = path.join(resultDir, SHARD_RESULT_FILE);
  await writeFile(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  const failed = result.pieces.filter((p) => p.status !== 'ok').length;
  if (env.GITHUB_OUTPUT) {
    await appendFile(env.GITHUB_OUTPUT, outputsText({ artifact: spec.artifact, 'result-dir': resultDir, 'result-file': resultFile, 'failed-pieces': String(failed) }));
  }
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, renderShardSummary(result, spec.suite));
  if (failed === result.pieces.length) {
    print(formatCommand('error', { title: 'Steward evaluation shard failed' }, `No piece of shard ${spec.shard} produced results; see the log above and the job summary. The result file is uploaded all the same.`));
    return 1;
  }
  if (failed) print(formatCommand('warning', { title: 'Steward evaluation shard' }, `${failed} of ${result.pieces.length} pieces produced no results; Steward may retry them.`));
  return 0;
}

/**
 * The workflow's job has `timeout-minutes` = the shard's minutes, counted from checkout: the commands
 * get 10% less (0.5 to 5 minutes kept back) so that a stopped shard still writes and uploads its result.
 */
export function commandMinutes(jobMinutes: number): number {
  const reserve = Math.min(5, Math.max(0.5, jobMinutes * 0.1));
  return Math.max(0.1, Math.round((jobMinutes - reserve) * 10) / 10);
}

/** The command's output is the evaluated code's: it must not run workflow commands in this job. */
function printPiece(piece: PieceResult, print: (line: string) => void): void {
  print(`${piece.task} [${piece.offset}, ${piece.offset + piece.limit}): ${piece.status} in ${piece.seconds.toFixed(1)} s`);
  if (piece.error) print(guardLog(piece.error, randomUUID()));
}
