/**
 * The two servers under load as child processes: `node bin/steward.js serve` and the bare Probot app,
 * each on its own free port, with the same throwaway App credentials. Memory is read from
 * /proc/<pid>/status: VmRSS now, VmHWM the kernel's peak, so no sample can miss the peak.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export function createCredentials() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  return { appId: 4242, privateKey, secret: randomBytes(24).toString('hex') };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `args` (relative to the repository) with the App's environment; resolves once /healthz answers. */
export async function startServer({ name, args, credentials, github, extraEnv = {}, nodeArgs = [] }) {
  const port = await freePort();
  const env = {
    ...process.env, ...github.env, APP_ID: String(credentials.appId), PRIVATE_KEY: credentials.privateKey,
    WEBHOOK_SECRET: credentials.secret, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...extraEnv,
  };
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (up) break;
    if (child.exitCode !== null || i > 300) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start on port ${port}:\n${output.join('').slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name, pid: child.pid, url: `${base}/api/github/webhooks`, output,
    memory: () => readMemory(child.pid),
    /** SIGTERM, then SIGKILL after 10 s; resolves with the exit. */
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** { rssKb, peakKb, cpuMs } of a live process (cpuMs: user + system time so far). */
export function readMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in 1/100 s.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM'), cpuMs: (Number(stat[11]) + Number(stat[12])) * 10 };
}
