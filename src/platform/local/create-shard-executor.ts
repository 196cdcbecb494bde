/**
 * Runs shard commands on this machine (the eval-shard Action on a runner, `steward eval run`):
 * through `sh -c` in a process group of its own, so that a time limit kills the evaluation and
 * every process it started (lm-eval spawns data loaders and accelerate workers).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CommandOutcome, ShardExecutor } from '../port.js';
import { readOutputFiles } from './shard-read-outputs.js';
import { createTail } from './shard-tail.js';

/** How long a group gets between SIGTERM and SIGKILL to write what it has. */
export const KILL_GRACE_MS = 10_000;

/** The process groups of commands still running, so that stopping Steward stops them too. */
const running = new Set<number>();

/**
 * Ends every command still running (SIGTERM to its group, SIGKILL after `graceMs`): they run in
 * groups of their own, so a Ctrl-C at the terminal would not reach them.
 */
export function stopRunningCommands(graceMs = 2000): void {
  for (const pid of running) signalGroup(pid, 'SIGTERM');
  const left = [...running];
  if (left.length) setTimeout(() => left.forEach((pid) => signalGroup(pid, 'SIGKILL')), graceMs).unref();
}

/** outputRoot: where output folders go (the Action uses RUNNER_TEMP, which the runner empties after each job). */
export function createShardExecutor(options: { killGraceMs?: number; outputRoot?: string } = {}): ShardExecutor {
  const grace = options.killGraceMs ?? KILL_GRACE_MS;
  return {
    runCommand: (command, run) => runInGroup(command, run, grace),
    makeOutputDir: (label) => mkdtemp(path.join(options.outputRoot ?? os.tmpdir(), `steward-${label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60)}-`)),
    readOutputs: readOutputFiles,
    removeOutputDir: (dir) => rm(dir, { recursive: true, force: true }),
  };
}

function runInGroup(command: string, run: { cwd: string; timeoutMs: number; env?: Record<string, string> }, grace: number): Promise<CommandOutcome> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const tail = createTail(40);
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd: run.cwd, env: { ...process.env, ...run.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) running.add(child.pid);
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const limitTimer = setTimeout(() => {
      timedOut = true;
      signalGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), grace);
    }, Math.max(0, run.timeoutMs));
    child.stdout.on('data', (chunk: Buffer) => tail.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => tail.push(chunk));
    const finish = (exitCode: number | null, failure?: Error) => {
      if (child.pid !== undefined) running.delete(child.pid);
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
      const text = failure ? `${tail.text()}\ncould not start sh: ${failure.message}`.trim() : tail.text();
      resolve({ exitCode, timedOut, outputTail: text, seconds: seconds() });
    };
    // Children left behind by the shell would hold its output pipes open (and the GPU): end them with
    // it. After a time limit they keep the grace period to write what they have.
    child.on('exit', () => void (timedOut || signalGroup(child.pid, 'SIGKILL')));
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code));
  });
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}
