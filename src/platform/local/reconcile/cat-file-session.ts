/**
 * ONE long-lived `git cat-file --batch-command --buffer` (git ≥ 2.36) that answers rounds of
 * `info` and `contents` commands, each round ended by one `flush`. Reading refs, trees, sizes and
 * blobs through one process replaces four (each start cost milliseconds, and listing went through
 * `diff-tree`'s text output); the process starts on the first round, so no round starts none.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitCommandError } from '../run-git.js';

/** An object git has, or git's word for why not ("missing", "ambiguous"). */
export type CatFileAnswer = { id: string; type: string; size: number; body: Buffer | null } | { problem: string };

export interface CatFileSession {
  /** One answer per name, in order; `contents` gives each object's bytes, `info` only its header. */
  ask(command: 'info' | 'contents', names: readonly string[]): Promise<CatFileAnswer[]>;
  /** Ends the process; rejects with git's message when it failed. */
  close(): Promise<void>;
}

interface Round {
  withBody: boolean;
  count: number;
  answers: CatFileAnswer[];
  resolve: (answers: CatFileAnswer[]) => void;
  reject: (error: Error) => void;
}

const ARGS = ['cat-file', '--batch-command', '--buffer'];

export function openCatFileSession(repo: string): CatFileSession {
  let started: { git: ChildProcessWithoutNullStreams; exit: Promise<void> } | null = null;
  const rounds: Round[] = [];
  let rest: Buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    rest = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    rest = rest.subarray(takeAnswers(rest, rounds));
  };
  return {
    ask(command, names) {
      if (names.length === 0) return Promise.resolve([]);
      started ??= startCatFile(repo, rounds, onData);
      const { git } = started;
      return new Promise((resolve, reject) => {
        rounds.push({ withBody: command === 'contents', count: names.length, answers: [], resolve, reject });
        git.stdin.write(`${names.map((n) => `${command} ${n}\n`).join('')}flush\n`);
      });
    },
    async close() {
      started?.git.stdin.end();
      await started?.exit;
    },
  };
}

/** The process, and its end: rounds still waiting when it stops fail with git's message. */
function startCatFile(repo: string, rounds: Round[], onData: (chunk: Buffer) => void): { git: ChildProcessWithoutNullStreams; exit: Promise<void> } {
  // warnAmbiguousRefs=false: git then stops at the first ref a name matches instead of trying all
  // six rules to warn; the answer is the same and peeling 1,000 refs takes a third of the time.
  const git = spawn('git', ['-c', 'core.quotepath=off', '-c', 'core.warnAmbiguousRefs=false', ...ARGS], {
    cwd: repo,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  const err: Buffer[] = [];
  git.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  git.stdout.on('data', onData);
  // A process that dies early must not crash Node with EPIPE; its exit code says why.
  git.stdin.on('error', () => undefined);
  const exit = new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => {
      rounds.splice(0).forEach((r) => r.reject(error));
      reject(error);
    };
    git.on('error', fail);
    git.on('close', (code) => {
      if (code === 0 && rounds.length === 0) resolve();
      else fail(new GitCommandError(ARGS, code, Buffer.concat(err).toString('utf8') || 'git stopped before answering'));
    });
  });
  exit.catch(() => undefined);
  return { git, exit };
}

/** Parses whole answers off the front of `out` into the waiting rounds; returns the bytes used. */
function takeAnswers(out: Buffer, rounds: Round[]): number {
  let at = 0;
  while (rounds.length > 0) {
    const round = rounds[0]!;
    const headerEnd = out.indexOf(0x0a, at);
    if (headerEnd === -1) break;
    const header = readHeader(out.toString('latin1', at, headerEnd));
    let next = headerEnd + 1;
    if ('id' in header && round.withBody) {
      if (out.length < next + header.size + 1) break;
      header.body = out.subarray(next, next + header.size);
      next += header.size + 1;
    }
    at = next;
    round.answers.push(header);
    if (round.answers.length === round.count) round.resolve(rounds.shift()!.answers);
  }
  return at;
}

/** "<id> <type> <size>" for an object git has; "<name> <problem>" otherwise (the name may hold spaces). */
export function readHeader(line: string): CatFileAnswer {
  const first = line.indexOf(' ');
  const second = first === -1 ? -1 : line.indexOf(' ', first + 1);
  if (second !== -1 && line.indexOf(' ', second + 1) === -1) {
    const id = line.slice(0, first);
    const type = line.slice(first + 1, second);
    const size = line.slice(second + 1);
    if (id && /^[0-9a-f]+$/.test(id) && type && /^\d+$/.test(size)) return { id, type, size: Number(size), body: null };
  }
  return { problem: line.slice(line.lastIndexOf(' ') + 1) || 'no answer from git' };
}
