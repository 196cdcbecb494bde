/** `steward eval plan` on a real configuration in a temporary folder, as a maintainer runs it. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMain } from './run-main.js';

const folders: string[] = [];

function repoWith(config: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-eval-'));
  folders.push(dir);
  mkdirSync(path.join(dir, '.github'));
  writeFileSync(path.join(dir, '.github/steward.yml'), config);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SPEC_EXAMPLE = `evaluation:
  pools:
    - { name: a100, runs-on: [self-hosted, a100], capacity: 4, weight: 2 }
  suites:
    default:
      shards: 4
      pool: a100
      piece-overhead: 10
      command: "lm_eval --tasks {task} --offset {offset} --limit {limit}"
      tasks:
        - { name: hellaswag, cost: 100 }
    smoke:
      shards: auto
      pool: a100
      piece-overhead: 0
      tasks:
        - { name: a, cost: 400 }
`;

describe('steward eval plan', () => {
  it('prints the SPEC JSON shape for the default suite', async () => {
    const run = await runMain(['eval', 'plan', '--repo', repoWith(SPEC_EXAMPLE), '--format', 'json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({
      shards: [0, 1, 2, 3].map((id) => ({ id, pool: 'a100', cost: 35, pieces: [{ task: 'hellaswag', offset: 25 * id, limit: 25, cost: 35 }] })),
      makespan: 35,
      lowerBound: 35,
    });
  });

  it("plans 'auto' up to the pinned pool's capacity and reads --config", async () => {
    const dir = repoWith('style: {}\n');
    writeFileSync(path.join(dir, 'eval.yml'), SPEC_EXAMPLE);
    const run = await runMain(['eval', 'plan', '--repo', dir, '--config', path.join(dir, 'eval.yml'), '--suite', 'smoke', '--format', 'json']);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.shards).toHaveLength(4);
    expect(plan).toMatchObject({ makespan: 100, lowerBound: 100 });
  });

  it('prints a readable table by default', async () => {
    const run = await runMain(['eval', 'plan', '--repo', repoWith(SPEC_EXAMPLE)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Suite "default": 4 shards, makespan 35 (lower bound 35)');
    expect(run.stdout).toContain('3\ta100\t35\thellaswag [75, 100)');
  });

  it('exits 2 with a clear message for a missing suite, no tasks, or an invalid config', async () => {
    const missing = await runMain(['eval', 'plan', '--repo', repoWith(SPEC_EXAMPLE), '--suite', 'nightly']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('no suite "nightly"; the configuration has "default", "smoke"');
    const empty = await runMain(['eval', 'plan', '--repo', repoWith('evaluation:\n  suites:\n    quick: { shards: 2 }\n')]);
    expect(empty).toMatchObject({ code: 2, stdout: '' });
    expect(empty.stderr).toContain('suite "quick" has no tasks');
    const none = await runMain(['eval', 'plan', '--repo', repoWith('style: {}\n')]);
    expect(none.stderr).toContain('no suite "default"; evaluation.suites in .github/steward.yml defines none');
    const invalid = await runMain(['eval', 'plan', '--repo', repoWith('evaluation:\n  suites:\n    default: { shards: 0, tasks: [{ name: a, cost: 1 }] }\n')]);
    expect(invalid).toMatchObject({ code: 2, stdout: '' });
    expect(invalid.stderr).toMatch(/configuration is invalid[\s\S]*\.github\/steward\.yml/);
  });

  it('rejects a bad format', async () => {
    const bad = await runMain(['eval', 'plan', '--format', 'sarif']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be text or json');
    expect((await runMain(['eval', '--help'])).stdout).toContain('Usage: steward eval plan');
  });
});
