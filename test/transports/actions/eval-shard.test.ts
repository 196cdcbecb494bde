/**
 * actions/eval-shard step 1, run as the runner runs it: `node dist/index.js` with INPUT_SHARD, the
 * runner's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP) and real lm-eval results files.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { validateShardResult } from '../../../src/engines/eval/validate-shard-result.js';
import { commandMinutes } from '../../../src/transports/actions/eval-shard-run.js';
import { bundleActionsIntoTemp, liveCommands, parseOutputs } from './runner-files.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const node = JSON.stringify(process.execPath);
let tmp: string;
let bundle: string;

beforeAll(() => {
  tmp = bundleActionsIntoTemp('steward-eval-shard-');
  bundle = path.join(tmp, 'actions/eval-shard/dist/index.js');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const shard = (overrides: Record<string, unknown> = {}) => ({
  run: 'r1a2b3c4d5e6', shard: 0, attempt: 2, suite: 'smoke', pool: 'gpu-a', runsOn: ['self-hosted'], sha: 'b'.repeat(40),
  command: `${node} write-results.mjs cpu_group_regression_expected.json {output} {task}`, model: 'EleutherAI/pythia-14m', format: 'lm-eval', timeoutMinutes: 2,
  pieces: [{ task: 'arc_easy', offset: 0, limit: 10, whole: true }, { task: 'arc_challenge', offset: 0, limit: 10, whole: true }],
  artifact: 'steward-r1a2b3c4d5e6-0-2', ...overrides,
});

function run(input: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmp, 'run-'));
  const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const result = spawnSync(process.execPath, [bundle], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: dir,
      GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary,
      INPUT_SHARD: input, 'INPUT_WORKING-DIRECTORY': 'test/fixtures/lm-eval', ...extra,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8'), dir };
}

describe('actions/eval-shard bundle', () => {
  it('runs the shard on real lm-eval results and writes steward-shard.json, the outputs and the summary', () => {
    const result = run(JSON.stringify(shard()));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.outputs).toEqual({
      artifact: 'steward-r1a2b3c4d5e6-0-2',
      'result-dir': path.join(result.dir, 'steward-shard-steward-r1a2b3c4d5e6-0-2'),
      'result-file': path.join(result.dir, 'steward-shard-steward-r1a2b3c4d5e6-0-2', 'steward-shard.json'),
      'failed-pieces': '0',
    });
    const written = JSON.parse(readFileSync(result.outputs['result-file']!, 'utf8'));
    expect(written).toMatchObject({ format: 'steward-shard/1', run: 'r1a2b3c4d5e6', shard: 0, attempt: 2, pool: 'gpu-a', sha: 'b'.repeat(40) });
    // What the App will accept when it downloads the artifact.
    expect(validateShardResult(written)).toMatchObject({ ok: true });
    expect(written.pieces.map((p: { task: string; status: string }) => [p.task, p.status])).toEqual([['arc_easy', 'ok'], ['arc_challenge', 'ok']]);
    expect(written.pieces[0].metrics['acc,none']).toEqual({ value: 0.3, stderr: null, n: 10, higherIsBetter: true });
    expect(result.summary).toContain('| arc_easy | 0–10 | ok |');
    expect(result.summary).toMatch(/\| arc_challenge \| 0–10 \| ok \| \d+\.\d \| acc,none 0\.0000 \|/);
    expect(liveCommands(result.stdout)).toEqual([]);
    expect(result.stdout).toContain('1.5 of the job\'s 2 minutes for the commands');
    // Piece output folders (in RUNNER_TEMP) are removed once their results are read.
    expect(readdirSync(result.dir).filter((name) => name.startsWith('steward-r1a2b3c4d5e6-0-'))).toEqual([]);
  });

  it('keeps partial results, warns, and succeeds when some pieces fail', () => {
    const command = `if [ {task} = boom ]; then echo '::add-mask::secret' ; exit 7; fi; ${node} write-results.mjs cpu_regression_expected.json {output}`;
    const result = run(JSON.stringify(shard({ command, pieces: [{ task: 'boom', offset: 0, limit: 3, whole: false }, { task: 'wikitext', offset: 0, limit: 10, whole: true }] })));
    expect(result.status).toBe(0);
    expect(result.outputs['failed-pieces']).toBe('1');
    const written = JSON.parse(readFileSync(result.outputs['result-file']!, 'utf8'));
    expect(written.pieces[0]).toMatchObject({ status: 'failed', error: "The command exited with code 7.\nLast output:\n::add-mask::secret" });
    expect(validateShardResult(written)).toMatchObject({ ok: true });
    // The evaluated code's output is quoted in the log, never run as a workflow command.
    expect(liveCommands(result.stdout)).toEqual([expect.stringMatching(/^::warning title=Steward evaluation shard::1 of 2 pieces/)]);
    expect(result.summary).toMatch(/<details><summary>boom 0–3: failed<\/summary>/);
  });

  it('fails the step when every piece failed, still writing the result for upload', () => {
    const result = run(JSON.stringify(shard({ command: 'exit 1' })));
    expect(result.status).toBe(1);
    expect(result.outputs['failed-pieces']).toBe('2');
    expect(existsSync(result.outputs['result-file']!)).toBe(true);
    expect(liveCommands(result.stdout)).toContainEqual(expect.stringMatching(/^::error title=Steward evaluation shard failed::No piece of shard 0 produced results/));
  });

  it('refuses a shard input that is not JSON or lacks fields, naming them, and uploads nothing', () => {
    const bad = run('{"run": ');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/::error title=Steward could not run::Input "shard" is not JSON/);
    expect(bad.outputs).toEqual({});
    const missing = run(JSON.stringify({ ...shard({ format: 'csv', pieces: [] }), command: undefined }));
    expect(missing.status).toBe(2);
    expect(missing.stdout).toMatch(/"command" must be a non-empty string.*"format" must be "lm-eval" or "simple".*"pieces" must be a non-empty list/);
    expect(missing.stderr).toBe('');
  });
});

describe('commandMinutes', () => {
  it('keeps time back from the job\'s limit for writing and uploading the result', () => {
    expect([1, 10, 30, 60, 600].map(commandMinutes)).toEqual([0.5, 9, 27, 55, 595]);
  });
});

describe('actions/eval-shard action.yml', () => {
  const action = YAML.parse(readFileSync(path.join(ROOT, 'actions/eval-shard/action.yml'), 'utf8'));

  it('is a composite action that passes inputs through env, never ${{ }} in run:', () => {
    expect(action.runs.using).toBe('composite');
    const [runStep, upload] = action.runs.steps;
    expect(runStep.run).toBe('node "$GITHUB_ACTION_PATH/dist/index.js"');
    expect(runStep.env).toEqual({ INPUT_SHARD: '${{ inputs.shard }}', 'INPUT_WORKING-DIRECTORY': '${{ inputs.working-directory }}' });
    expect(upload.uses).toMatch(/^actions\/upload-artifact@[0-9a-f]{40}$/);
    expect(upload.with).toEqual({ name: '${{ steps.run.outputs.artifact }}', path: '${{ steps.run.outputs.result-dir }}', 'retention-days': 7, 'if-no-files-found': 'error' });
    expect(Object.keys(action.outputs).sort()).toEqual(['artifact', 'failed-pieces', 'result-file']);
    expect(action.inputs.shard.required).toBe(true);
  });
});
