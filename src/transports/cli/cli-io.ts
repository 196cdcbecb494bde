/** What a command may touch of the process: output, environment, stdin. Built once in main(). */
import { UsageError } from '../../platform/local/usage-error.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Colour on stdout: a terminal, and NO_COLOR unset or empty (https://no-color.org). */
  color: boolean;
  env: NodeJS.ProcessEnv;
  readStdin(): Promise<string>;
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
    readStdin,
  };
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('--body-file - reads the body from stdin, but stdin is a terminal; pipe the text in');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
