/** Runs the CLI in-process and captures what it writes, as a terminal would see it. */
import { jest } from '@jest/globals';
import { main } from '../../../src/transports/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[], options: { tty?: boolean; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += String(chunk);
    return true;
  });
  const wasTTY = process.stdout.isTTY;
  const saved = Object.fromEntries(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]]));
  try {
    process.stdout.isTTY = options.tty ?? false;
    for (const [k, v] of Object.entries(options.env ?? {})) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const code = await main(argv);
    // Node's own warnings (VM modules under jest) are not the CLI's output.
    return { code, stdout, stderr: stderr.replace(/^.*(ExperimentalWarning|--trace-warnings).*\n/gm, '') };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.stdout.isTTY = wasTTY;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
