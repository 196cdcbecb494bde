/**
 * `steward eval run` on a temporary copy of examples/eval-suite: the real evaluate.mjs, the real
 * model, git and the SQLite store, as a maintainer runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProgress } from '../../../src/transports/cli/commands/eval-progress.js';
import { runMain } from './run-main.js';

const example = path.resolve('examples/eval-suite');
const folders: string[] = [];

interface RunJson {
  run: string;
  status: string;
  plan: { learned: boolean; shards: { pieces: { task: string; offset: number; limit: number }[] }[] };
  result: { partial: boolean; metrics: { task: string; metric: string; value: number; stderr: number | null; n: number }[]; missing: { task: string; reason: string }[] };
  comparison: { baselineRun: string | null; regressions: number; rows: { task: string; metric: string; verdict: string; baseline: number | null }[] };
}

function copyExample(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-eval-run-'));
  folders.push(dir);
  cpSync(example, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}.steward`) });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('symbolic-ref', 'HEAD', 'refs/heads/main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.org');
  git('config', 'commit.gpgsign', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', 'chore: import the example');
  return dir;
}

/** The model's accuracy on a whole test split, from one run of evaluate.mjs with no offset or limit. */
function wholeSplitAccuracy(dir: string, task: string, model: string): { acc: number; n: number } {
  const out = path.join(dir, '.steward', `whole-${task}`);
  execFileSync(process.execPath, ['evaluate.mjs', '--task', task, '--model', model, '--output', out], { cwd: dir, stdio: 'pipe' });
  const folder = path.join(out, model.replace(/\//g, '__'));
  const results = JSON.parse(readFileSync(path.join(folder, readdirSync(folder)[0]!), 'utf8'));
  return { acc: results.results[task]['acc,none'], n: results['n-samples'][task].effective };
}

const metric = (run: RunJson, task: string) => run.result.metrics.find((m) => m.task === task && m.metric === 'acc,none')!;

afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('steward eval run on the example suite', () => {
  let dir: string;
  let first: RunJson;

  beforeAll(async () => {
    dir = copyExample();
    const run = await runMain(['eval', 'run', '--repo', dir, '--format', 'json', '--concurrency', '2'], { env: { DATABASE_URL: undefined } });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    first = JSON.parse(run.stdout) as RunJson;
  }, 60_000);

  it('reports the model\'s real accuracy, every test sample evaluated exactly once', () => {
    for (const task of ['sentiment', 'language']) {
      const whole = wholeSplitAccuracy(dir, task, 'model/weights.json');
      const pieces = first.plan.shards.flatMap((s) => s.pieces).filter((p) => p.task === task).sort((a, b) => a.offset - b.offset);
      let next = 0;
      for (const piece of pieces) {
        expect(piece.offset).toBe(next);
        next += piece.limit;
      }
      expect(next).toBe(whole.n);
      expect(metric(first, task).n).toBe(whole.n);
      expect(metric(first, task).value).toBeCloseTo(whole.acc, 10);
      // Pooled over pieces, the standard error stays close to that of the whole split.
      expect(metric(first, task).stderr!).toBeCloseTo(Math.sqrt((whole.acc * (1 - whole.acc)) / (whole.n - 1)), 2);
    }
    expect(first.plan.shards).toHaveLength(3);
    expect(first).toMatchObject({ status: 'completed', result: { partial: false, missing: [] }, comparison: { baselineRun: null, regressions: 0 } });
  });

  it('compares a second model on a branch with the first run, with learned costs, and exits 1 on the regression', async () => {
    execFileSync('git', ['checkout', '-q', '-b', 'try/pruned-model'], { cwd: dir });
    const run = await runMain(['eval', 'run', '--repo', dir, '--format', 'json', '--model', 'model/weights-v2.json'], { env: { DATABASE_URL: undefined } });
    expect(run.code).toBe(1);
    const second = JSON.parse(run.stdout) as RunJson;
    expect(second.plan.learned).toBe(true);
    expect(second.comparison.baselineRun).toBe(first.run);
    const language = second.comparison.rows.find((r) => r.task === 'language' && r.metric === 'acc,none')!;
    expect(language).toMatchObject({ verdict: 'regression', baseline: metric(first, 'language').value });
    expect(metric(second, 'language').value).toBeCloseTo(wholeSplitAccuracy(dir, 'language', 'model/weights-v2.json').acc, 10);
  }, 60_000);

  it('prints the table for people and progress lines on stderr', async () => {
    const run = await runMain(['eval', 'run', '--repo', dir, '--concurrency', '1'], { env: { DATABASE_URL: undefined } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sentiment');
    expect(run.stdout).toContain(metric(first, 'language').value.toFixed(3).replace(/0+$/, ''));
    expect(run.stdout).toContain(first.run);
    expect(run.stdout).toMatch(/The baseline ran on main at [0-9a-f]{7}\./);
    // Learned costs decide the shard count by now (start-up dominates this tiny model): read it from the header.
    const shards = Number(/, (\d+) shards?, 1 at a time/.exec(run.stderr)?.[1]);
    expect(shards).toBeGreaterThanOrEqual(1);
    expect(run.stderr).toMatch(new RegExp(`shard 1/${shards} started: `));
    expect(run.stderr).toMatch(new RegExp(`shard ${shards}/${shards} finished \\(\\d+\\.\\ds\\): \\d+ pieces? ok`));
  }, 60_000);
});

describe('steward eval run when things go wrong', () => {
  it('gives a partial result and the command\'s own message when a piece fails, and exits 1', async () => {
    const dir = copyExample();
    const config = readFileSync(path.join(dir, '.github/steward.yml'), 'utf8').replace('- { name: language, cost: 187 }', '- { name: topic, cost: 40 }');
    writeFileSync(path.join(dir, '.github/steward.yml'), config);
    const run = await runMain(['eval', 'run', '--repo', dir], { env: { DATABASE_URL: undefined } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('sentiment');
    expect(run.stderr).toContain('topic [0, 40) failed: The command exited with code 2.');
    expect(run.stderr).toContain('evaluate.mjs: --task must be one of sentiment, language, not "topic"');
    expect(run.stdout).toContain('does not become a baseline');
    const json = JSON.parse((await runMain(['eval', 'run', '--repo', dir, '--format', 'json'], { env: { DATABASE_URL: undefined } })).stdout) as RunJson;
    expect(json).toMatchObject({ status: 'failed', result: { partial: true } });
    expect(json.result.missing.map((m) => m.task)).toEqual(['topic']);
    expect(metric(json, 'sentiment').n).toBe(190);
  }, 60_000);

  it('exits 2 on a usage or configuration error, saying what to fix', async () => {
    const dir = copyExample();
    const zero = await runMain(['eval', 'run', '--repo', dir, '--concurrency', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--concurrency must be a whole number ≥ 1');
    const suite = await runMain(['eval', 'run', '--repo', dir, '--suite', 'nightly'], { env: { DATABASE_URL: undefined } });
    expect(suite).toMatchObject({ code: 2, stdout: '' });
    expect(suite.stderr).toContain('no suite "nightly"; the configuration has "default"');
    expect(existsSync(path.join(dir, '.steward'))).toBe(false);
    writeFileSync(path.join(dir, '.github/steward.yml'), 'evaluation:\n  suites:\n    default: { shards: 0, tasks: [{ name: a, cost: 1 }] }\n');
    const invalid = await runMain(['eval', 'run', '--repo', dir]);
    expect(invalid).toMatchObject({ code: 2, stdout: '' });
    expect(invalid.stderr).toMatch(/configuration is invalid[\s\S]*\.github\/steward\.yml/);
  }, 60_000);
});

describe('the progress display', () => {
  const plan = { shards: [0, 1, 2].map((id) => ({ id, pool: null, cost: 10, pieces: [{ task: 't', offset: id * 5, limit: 5, cost: 10 }] })), makespan: 10, lowerBound: 10, learned: false };
  const at = new Date(0);
  const piece = { task: 't', offset: 0, limit: 5, status: 'ok' as const, seconds: 1, error: null, metrics: {} };

  it('redraws one line on a terminal with shards and pieces done and the time, and clears it at the end', () => {
    let written = '';
    let now = 0;
    const progress = createProgress('terminal', (text) => (written += text), () => now);
    progress.onEvent({ kind: 'planned', runId: 'r1', suite: 'default', plan, concurrency: 2, at });
    progress.onEvent({ kind: 'shard-started', shard: plan.shards[0]!, total: 3, at });
    now = 2500;
    progress.onEvent({ kind: 'piece-finished', shard: 0, piece, at });
    progress.onEvent({ kind: 'shard-finished', shard: 0, total: 3, result: null, reason: null, at });
    progress.stop();
    progress.stop();
    const frames = written.split('\r\x1b[K');
    expect(frames.at(-2)).toBe('shard 1/3 done, 0 running · pieces 1/3 · 2.5s');
    expect(frames.at(-1)).toBe('');
    expect(written).not.toContain('\n');
  });

  it('writes nothing for --format json', () => {
    let written = '';
    const progress = createProgress('none', (text) => (written += text), () => 0);
    progress.onEvent({ kind: 'planned', runId: 'r1', suite: 'default', plan, concurrency: 2, at });
    progress.stop();
    expect(written).toBe('');
  });
});
