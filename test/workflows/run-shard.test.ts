/**
 * runShard with the real executor and real shell commands: a stand-in for lm-eval that writes a real
 * results file, one that outlives the time limit, one that exits 1.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PieceResult, ShardSpec } from '../../src/engines/eval/shard-types.js';
import { createShardExecutor } from '../../src/platform/local/create-shard-executor.js';
import type { ShardExecutor } from '../../src/platform/port.js';
import { fitText, pickResultsFile, runShard } from '../../src/workflows/run-shard.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/lm-eval');
const node = JSON.stringify(process.execPath);
const writeResults = (fixture: string) => `${node} write-results.mjs ${fixture} {output} {task} {offset} {limit} {model} {shard}`;

function spec(overrides: Partial<ShardSpec> = {}): ShardSpec {
  return {
    run: 'r1a2b3c4d5e6', shard: 2, attempt: 1, suite: 'smoke', pool: 'gpu-a', runsOn: ['self-hosted', 'gpu'],
    sha: 'a'.repeat(40), command: writeResults('cpu_regression_expected.json'), model: 'EleutherAI/pythia-14m', format: 'lm-eval', timeoutMinutes: 5,
    pieces: [{ task: 'arc_easy', offset: 0, limit: 10, whole: true }, { task: 'lambada_openai', offset: 0, limit: 10, whole: true }],
    artifact: 'steward-r1a2b3c4d5e6-2-1', ...overrides,
  };
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The real executor, remembering each output folder it made (removed after the tests). */
function recordingExecutor(options: { keepOutputs?: boolean } = {}): ShardExecutor & { dirs: string[] } {
  const real = createShardExecutor({ killGraceMs: 200 });
  const dirs: string[] = [];
  return {
    ...real, dirs,
    makeOutputDir: async (label) => { const dir = await real.makeOutputDir(label); dirs.push(dir); made.push(dir); return dir; },
    // Kept when a test reads what the command wrote there (the afterAll removes it).
    removeOutputDir: options.keepOutputs ? async () => undefined : real.removeOutputDir,
  };
}

describe('runShard', () => {
  it('removes each piece\'s output folder once its results are read', async () => {
    const exec = recordingExecutor();
    await runShard(spec(), exec, { cwd: FIXTURES, now: () => new Date() });
    expect(exec.dirs.length).toBeGreaterThan(0);
    expect(exec.dirs.filter((dir) => existsSync(dir))).toEqual([]);
  });

  it('runs each piece, reads the newest lm-eval results file and keeps only the piece\'s task', async () => {
    const exec = recordingExecutor({ keepOutputs: true });
    const seen: PieceResult[] = [];
    const result = await runShard(spec(), exec, { cwd: FIXTURES, now: () => new Date(), onPiece: (p) => seen.push(p) });
    expect(result).toMatchObject({ format: 'steward-shard/1', run: 'r1a2b3c4d5e6', shard: 2, attempt: 1, pool: 'gpu-a', sha: 'a'.repeat(40) });
    expect(result.pieces.map((p) => [p.task, p.status, p.error])).toEqual([['arc_easy', 'ok', null], ['lambada_openai', 'ok', null]]);
    expect(result.pieces[0]!.metrics).toEqual({
      'acc,none': { value: 0.3, stderr: null, n: 10, higherIsBetter: true },
      'acc_norm,none': { value: 0.1, stderr: null, n: 10, higherIsBetter: true },
    });
    expect(Object.keys(result.pieces[1]!.metrics)).toEqual(['acc,none', 'perplexity,none']);
    expect(seen).toEqual(result.pieces);
    expect(result.pieces[0]!.seconds).toBeGreaterThan(0);
    // Whole pieces still get offset 0 and their limit; every value arrives as one argument.
    const args = JSON.parse(readFileSync(path.join(exec.dirs[0]!, 'args.jsonl'), 'utf8'));
    expect(args).toEqual(['arc_easy', '0', '10', 'EleutherAI/pythia-14m', '2']);
  });

  it('marks a piece whose task is not in the results invalid, naming the tasks found', async () => {
    const result = await runShard(spec({ pieces: [{ task: 'hellaswag', offset: 100, limit: 50, whole: false }] }), recordingExecutor(), { cwd: FIXTURES, now: () => new Date() });
    expect(result.pieces[0]).toMatchObject({ task: 'hellaswag', offset: 100, limit: 50, status: 'invalid', metrics: {} });
    expect(result.pieces[0]!.error).toBe('The results file has no task "hellaswag"; it has "arc_easy", "lambada_openai", "wikitext". Check that the command passes {task} to the evaluation.');
  });

  it('reports a failing command with its exit code and last output, and carries on', async () => {
    const command = `if [ {task} = broken ]; then echo "CUDA out of memory" >&2; exit 1; fi; ${writeResults('cpu_group_regression_expected.json')}`;
    const pieces = [{ task: 'broken', offset: 0, limit: 5, whole: true }, { task: 'regression_arc', offset: 0, limit: 20, whole: true }];
    const result = await runShard(spec({ command, pieces }), recordingExecutor(), { cwd: FIXTURES, now: () => new Date() });
    expect(result.pieces[0]).toMatchObject({ status: 'failed', error: 'The command exited with code 1.\nLast output:\nCUDA out of memory' });
    expect(result.pieces[1]).toMatchObject({ status: 'ok' });
    expect(result.pieces[1]!.metrics['acc,none']).toEqual({ value: 0.15, stderr: null, n: 20, higherIsBetter: true });
  });

  it('stops a piece at the shard\'s time limit and does not start the pieces after it', async () => {
    let clock = Date.parse('2026-11-28T10:00:00Z');
    const now = () => new Date(clock);
    const exec = recordingExecutor();
    const slow: ShardExecutor = {
      ...exec,
      // The command really runs and is killed; the fake clock then says the minute is up.
      runCommand: async (command, options) => {
        const outcome = await exec.runCommand(command, { ...options, timeoutMs: Math.min(options.timeoutMs, 400) });
        clock += 60_000;
        return outcome;
      },
    };
    const pieces = [{ task: 'a', offset: 0, limit: 1, whole: true }, { task: 'b', offset: 0, limit: 1, whole: true }];
    const result = await runShard(spec({ command: `${node} sleep.mjs 30`, timeoutMinutes: 1, pieces }), slow, { cwd: FIXTURES, now });
    expect(result.pieces[0]).toMatchObject({ status: 'timed-out', error: expect.stringMatching(/^The command ran past the shard's time limit of 1 minutes and was stopped\.\nLast output:\nsleeping 30 s$/) });
    expect(result.pieces[1]).toMatchObject({ status: 'timed-out', seconds: 0, error: expect.stringMatching(/^Not started/) });
    expect(exec.dirs).toHaveLength(1);
    expect(result.startedAt).toBe('2026-11-28T10:00:00.000Z');
    expect(result.finishedAt).toBe('2026-11-28T10:01:00.000Z');
  });

  it('reads the simple format for the piece\'s task', async () => {
    const command = `printf '%s' '{"metrics": {"accuracy": {"value": 0.75, "stderr": 0.02}}, "samples": 40}' > {output}/out.json`;
    const result = await runShard(spec({ command, format: 'simple', pieces: [{ task: 'qa', offset: 0, limit: 40, whole: true }] }), recordingExecutor(), { cwd: FIXTURES, now: () => new Date() });
    expect(result.pieces[0]).toMatchObject({ status: 'ok', metrics: { accuracy: { value: 0.75, stderr: 0.02, n: 40, higherIsBetter: null } } });
  });

  it('says when a command wrote nothing, or an unknown placeholder stops it', async () => {
    const nothing = await runShard(spec({ command: 'true' }), recordingExecutor(), { cwd: FIXTURES, now: () => new Date() });
    expect(nothing.pieces[0]!.error).toMatch(/wrote no results file into \{output\}; lm-eval needs `--output_path \{output\}`/);
    const unknown = await runShard(spec({ command: 'run {device}' }), recordingExecutor(), { cwd: FIXTURES, now: () => new Date() });
    expect(unknown.pieces.map((p) => p.status)).toEqual(['invalid', 'invalid']);
    expect(unknown.pieces[0]!.error).toMatch(/unknown placeholder \{device\}/);
  });
});

describe('fitText', () => {
  it('keeps an error within the result schema\'s limit, with its first line and the end of the output', () => {
    const long = `The command exited with code 1.\nLast output:\n${'x'.repeat(10_000)}\nTraceback: CUDA out of memory`;
    const fitted = fitText(long, 4096);
    expect(fitted).toHaveLength(4096);
    expect(fitted.startsWith('The command exited with code 1.\n[…]\n')).toBe(true);
    expect(fitted.endsWith('Traceback: CUDA out of memory')).toBe(true);
    expect(fitText('short', 4096)).toBe('short');
  });

  it('is applied to real command output', async () => {
    const result = await runShard(spec({ command: `${node} -e "console.log('y'.repeat(3000)); console.log('z'.repeat(3000)); process.exit(2)"` }), recordingExecutor(), { cwd: FIXTURES, now: () => new Date() });
    expect(result.pieces[0]!.error!.length).toBeLessThanOrEqual(4096);
    expect(result.pieces[0]!.error).toMatch(/^The command exited with code 2\.\n\[…\]\ny+\nz{3000}$/);
  });
});

describe('pickResultsFile', () => {
  it('prefers the newest results_*.json, else the one JSON file, and refuses ambiguity', () => {
    const f = (p: string, text: string | null = p) => ({ path: p, text, bytes: 10 });
    expect(pickResultsFile([f('/o/m/results_2026-01-02.json'), f('/o/m/results_2026-01-10.json'), f('/o/other.json')])).toEqual({ text: '/o/m/results_2026-01-10.json' });
    expect(pickResultsFile([f('/o/metrics.json'), f('/o/samples.jsonl')])).toEqual({ text: '/o/metrics.json' });
    expect(pickResultsFile([f('/o/a.json'), f('/o/b.json')])).toEqual({ error: expect.stringMatching(/several JSON files .*a\.json, b\.json/) });
    expect(pickResultsFile([f('/o/results_x.json', null)])).toEqual({ error: expect.stringMatching(/results_x\.json is 10 bytes, over the/) });
  });
});
