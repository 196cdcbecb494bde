/**
 * Runs git and returns its raw stdout bytes. simple-git decodes output as UTF-8 and cannot feed
 * stdin, so the three reads that need bytes (commit messages in any encoding) or a batch on stdin
 * (`cat-file --batch`) go through here; everything else uses simple-git.
 */
import { spawn } from 'node:child_process';

export class GitCommandError extends Error {
  constructor(readonly args: readonly string[], readonly exitCode: number | null, readonly stderr: string) {
    super(`git ${args.join(' ')} failed (exit ${exitCode ?? 'signal'}): ${stderr.trim() || 'no message'}`);
    this.name = 'GitCommandError';
  }
}

export function runGit(dir: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // -c core.quotepath=off keeps non-ASCII paths readable where -z is not available.
    const child = spawn('git', ['-c', 'core.quotepath=off', ...args], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitCommandError(args, code, Buffer.concat(err).toString('utf8')));
    });
    // A batch that git stops reading early must not crash the process with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
