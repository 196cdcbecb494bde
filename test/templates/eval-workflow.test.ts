/** templates/steward-eval.yml and `steward init` writing it: least privilege, pinned actions, no injection. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { runMain } from '../transports/cli/run-main.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const TEMPLATE = readFileSync(new URL('../../templates/steward-eval.yml', import.meta.url), 'utf8');
const REF = `steward-dev/steward@${'c'.repeat(40)}`;
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-eval-init-'));
  folders.push(dir);
  return dir;
}

function steps(workflow: Json): Json[] {
  return Object.values(workflow.jobs as Record<string, Json>).flatMap((job) => job.steps as Json[]);
}

async function initWorkflow(args: string[] = ['--actions-ref', REF]): Promise<{ text: string; stdout: string; dir: string }> {
  const dir = folder();
  const run = await runMain(['init', '--repo', dir, ...args]);
  expect(run.code).toBe(0);
  return { text: readFileSync(path.join(dir, '.github/workflows/steward-eval.yml'), 'utf8'), stdout: run.stdout, dir };
}

describe('templates/steward-eval.yml', () => {
  const workflow = YAML.parse(TEMPLATE) as Json;

  it('is dispatched with a dispatch id and the shards, within GitHub\'s 25 inputs, and names runs by the id', () => {
    const inputs = workflow.on.workflow_dispatch.inputs as Json;
    expect(Object.keys(inputs)).toEqual(['dispatch', 'shards']);
    expect(Object.keys(inputs).length).toBeLessThanOrEqual(25);
    expect(workflow['run-name']).toBe('Steward evaluation ${{ inputs.dispatch }}');
  });

  it('grants no permission at the top and only contents: read to the job', () => {
    expect(workflow.permissions).toEqual({});
    expect(Object.values(workflow.jobs as Record<string, Json>).map((job) => job.permissions)).toEqual([{ contents: 'read' }]);
  });

  it('runs one job per shard on the shard\'s runners with its time limit, none cancelling the others', () => {
    const job = workflow.jobs.shard as Json;
    expect(job.strategy).toEqual({ 'fail-fast': false, matrix: { shard: '${{ fromJSON(inputs.shards) }}' } });
    expect(job['runs-on']).toBe('${{ matrix.shard.runsOn }}');
    expect(job['timeout-minutes']).toBe('${{ matrix.shard.timeoutMinutes }}');
  });

  it('checks out the shard\'s commit without keeping the token, then runs the shard action with the spec', () => {
    const [checkout, shard] = steps(workflow);
    expect(checkout!.uses).toBe('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683');
    expect(checkout!.with).toEqual({ ref: '${{ matrix.shard.sha }}', 'persist-credentials': false });
    expect(shard!.uses).toBe('__STEWARD_ACTIONS__');
    expect(shard!.with).toEqual({ shard: '${{ toJSON(matrix.shard) }}' });
  });

  it('puts no expression inside any run: script', () => {
    for (const step of steps(workflow)) if (step.run !== undefined) expect(step.run).not.toContain('${{');
  });
});

describe('steward init: the evaluation workflow', () => {
  it('writes it with every action pinned to a full commit SHA', async () => {
    const { text, stdout } = await initWorkflow();
    expect(stdout).toContain(`Wrote .github/workflows/steward-eval.yml: the evaluation workflow Steward dispatches, using steward-dev/steward/actions/eval-shard@${'c'.repeat(40)}`);
    const uses = steps(YAML.parse(text)).map((s) => s.uses as string);
    expect(uses).toEqual(['actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683', `steward-dev/steward/actions/eval-shard@${'c'.repeat(40)}`]);
    for (const ref of uses) expect(ref).toMatch(/@[0-9a-f]{40}$/);
    expect(text).not.toContain('__STEWARD_ACTIONS__');
  });

  it('without --actions-ref leaves the token, with a comment and a message saying to pin it', async () => {
    const { text, stdout } = await initWorkflow([]);
    expect(stdout).toMatch(/still says __STEWARD_ACTIONS__: pin Steward's eval-shard action there to a commit SHA, or pass --actions-ref OWNER\/REPO@SHA/);
    expect(text).toMatch(/# TODO: replace __STEWARD_ACTIONS__ with OWNER\/REPO\/actions\/eval-shard@<40-character commit SHA>.*\n\s+- uses: __STEWARD_ACTIONS__\n/);
    expect(YAML.parse(text).jobs.shard.steps).toHaveLength(2);
  });

  it('refuses an --actions-ref that is not OWNER/REPO@40-hex, writing nothing', async () => {
    const dir = folder();
    const run = await runMain(['init', '--repo', dir, '--actions-ref', 'steward-dev/steward@v1']);
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toMatch(/--actions-ref is "steward-dev\/steward@v1"; give OWNER\/REPO@SHA with the full 40-character commit SHA/);
    expect(existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('keeps an existing workflow, and overwrites it with --force', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(path.join(dir, '.github/workflows/steward-eval.yml'), 'name: mine\n');
    const kept = await runMain(['init', '--repo', dir, '--actions-ref', REF]);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/Kept the existing \.github\/workflows\/steward-eval\.yml; the template is .*steward-eval\.yml \(--force overwrites it\)/);
    expect(readFileSync(path.join(dir, '.github/workflows/steward-eval.yml'), 'utf8')).toBe('name: mine\n');
    expect((await runMain(['init', '--repo', dir, '--force', '--actions-ref', REF])).code).toBe(0);
    expect(readFileSync(path.join(dir, '.github/workflows/steward-eval.yml'), 'utf8')).toContain('name: Steward evaluation');
  });
});
