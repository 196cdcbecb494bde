/** createShardExecutor on this machine: real sh, real process groups, real files. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createShardExecutor, stopRunningCommands } from '../../../src/platform/local/create-shard-executor.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'steward-exec-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Running, not a zombie (in a container nobody may reap the killed child). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe('runCommand', () => {
  const exec = createShardExecutor({ killGraceMs: 300 });

  it('reports the exit code, the last 40 lines of output and the time taken', async () => {
    const outcome = await exec.runCommand('for i in $(seq 1 100); do echo line $i; done; echo oops >&2; exit 3', { cwd: tmp, timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ exitCode: 3, timedOut: false });
    const lines = outcome.outputTail.split('\n');
    expect(lines).toHaveLength(40);
    expect(lines).toContain('oops');
    expect(lines).toContain('line 100');
    expect(lines).not.toContain('line 50');
    expect(outcome.seconds).toBeGreaterThan(0);
    expect(outcome.seconds).toBeLessThan(10);
  });

  it('runs in cwd with the extra environment', async () => {
    const outcome = await exec.runCommand('pwd; echo "$STEWARD_TEST"', { cwd: tmp, timeoutMs: 10_000, env: { STEWARD_TEST: 'hello' } });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.outputTail.split('\n')).toEqual([tmp, 'hello']);
  });

  it('kills the whole process group at the time limit, children included', async () => {
    const pidFile = path.join(tmp, 'child.pid');
    const started = Date.now();
    const outcome = await exec.runCommand(`sleep 30 & echo $! > "${pidFile}"; wait`, { cwd: tmp, timeoutMs: 500 });
    expect(outcome.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    const child = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(child)).toBe(false);
  });

  it('ends when the shell exits, killing children it left behind', async () => {
    const pidFile = path.join(tmp, 'orphan.pid');
    const started = Date.now();
    const outcome = await exec.runCommand(`sleep 30 & echo $! > "${pidFile}"; echo done`, { cwd: tmp, timeoutMs: 20_000 });
    expect(outcome).toMatchObject({ exitCode: 0, timedOut: false, outputTail: 'done' });
    expect(Date.now() - started).toBeLessThan(5000);
    await new Promise((r) => setTimeout(r, 100));
    expect(isAlive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('sends SIGKILL after the grace period to a command that ignores SIGTERM', async () => {
    const outcome = await exec.runCommand("trap '' TERM; echo started; while true; do sleep 0.1; done", { cwd: tmp, timeoutMs: 300 });
    expect(outcome).toMatchObject({ timedOut: true, exitCode: null });
    expect(outcome.outputTail).toBe('started');
    expect(outcome.seconds).toBeGreaterThanOrEqual(0.5);
  });
});

describe('makeOutputDir and readOutputs', () => {
  const exec = createShardExecutor();

  it('makes a fresh empty folder in the temporary directory each time', async () => {
    const [a, b] = await Promise.all([exec.makeOutputDir('r1-0-0'), exec.makeOutputDir('r1-0-0')]);
    expect(a).not.toBe(b);
    expect(a.startsWith(os.tmpdir())).toBe(true);
    expect(existsSync(a) && existsSync(b)).toBe(true);
    rmSync(a, { recursive: true });
    rmSync(b, { recursive: true });
  });

  it('returns JSON and JSON Lines files below the folder, not following symbolic links, big ones without text', async () => {
    const dir = await exec.makeOutputDir('read');
    mkdirSync(path.join(dir, 'model/deeper'), { recursive: true });
    writeFileSync(path.join(dir, 'model/results_1.json'), '{"results": {}}');
    writeFileSync(path.join(dir, 'model/deeper/samples.jsonl'), '{}\n');
    writeFileSync(path.join(dir, 'log.txt'), 'not a result');
    writeFileSync(path.join(dir, 'big.json'), 'x'.repeat(2000));
    writeFileSync(path.join(tmp, 'secret.json'), '{"token": "s3cret"}');
    symlinkSync(path.join(tmp, 'secret.json'), path.join(dir, 'link.json'));
    symlinkSync(tmp, path.join(dir, 'linked-dir'));
    const files = await exec.readOutputs(dir, 1000);
    expect(files.map((f) => path.relative(dir, f.path))).toEqual(['big.json', 'model/deeper/samples.jsonl', 'model/results_1.json']);
    expect(files[0]).toEqual({ path: path.join(dir, 'big.json'), text: null, bytes: 2000 });
    expect(files[2]!.text).toBe('{"results": {}}');
    rmSync(dir, { recursive: true });
  });
});

describe('stopRunningCommands', () => {
  it('ends commands still running, with their children, as Ctrl-C on `steward eval run` does', async () => {
    const exec = createShardExecutor({ killGraceMs: 200 });
    const started = Date.now();
    const ran = exec.runCommand('sleep 30 & sleep 30; wait', { cwd: process.cwd(), timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    stopRunningCommands(200);
    const outcome = await ran;
    expect(outcome.exitCode).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
