/**
 * Real git repositories in temporary folders for the local adapter and CLI tests. Git runs with an
 * empty global config and a fixed identity, so tests do not depend on the machine's settings.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestRepo {
  dir: string;
  git(args: string[], input?: string | Buffer, env?: Record<string, string>): string;
  write(file: string, content: string | Buffer): void;
  /** Stages everything and commits; returns the new sha. */
  commit(message: string | Buffer, options?: { author?: string; extraArgs?: string[]; config?: string[] }): string;
  cleanup(): void;
}

export function makeRepo(options: { branch?: string; cloneFrom?: string } = {}): TestRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-repo-'));
  const globalConfig = path.join(dir, '..', `${path.basename(dir)}.gitconfig`);
  writeFileSync(globalConfig, '');
  const baseEnv = {
    ...process.env,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Ada Lovelace',
    GIT_AUTHOR_EMAIL: 'ada@example.org',
    GIT_COMMITTER_NAME: 'Ada Lovelace',
    GIT_COMMITTER_EMAIL: 'ada@example.org',
  };
  const repo: TestRepo = {
    dir,
    git(args, input, env) {
      return execFileSync('git', args, { cwd: dir, input, env: { ...baseEnv, ...env }, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
    },
    write(file, content) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    },
    commit(message, opts = {}) {
      repo.git(['add', '-A']);
      const config = (opts.config ?? []).flatMap((c) => ['-c', c]);
      const author = opts.author ? [`--author=${opts.author}`] : [];
      repo.git([...config, 'commit', '-q', '--allow-empty', ...author, ...(opts.extraArgs ?? []), '-F', '-'], message);
      return repo.git(['rev-parse', 'HEAD']).trim();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(globalConfig, { force: true });
    },
  };
  if (options.cloneFrom) repo.git(['clone', '-q', options.cloneFrom, '.']);
  else repo.git(['init', '-q', '-b', options.branch ?? 'main']);
  return repo;
}

/** Appends `count` commits to `branch` in one `git fast-import` run (10,000 commits take well under a second). */
export function importCommits(repo: TestRepo, branch: string, count: number, message: (i: number) => string): void {
  const parts: string[] = [];
  let parent = '';
  try {
    parent = repo.git(['rev-parse', '--verify', '--quiet', branch]).trim();
  } catch {
    // A new branch: the first imported commit is a root.
  }
  for (let i = 0; i < count; i++) {
    const text = `${message(i)}\n`;
    parts.push(`commit refs/heads/${branch}`, `mark :${i + 1}`, `author Ada Lovelace <ada@example.org> ${1700000000 + i} +0000`,
      `committer Ada Lovelace <ada@example.org> ${1700000000 + i} +0000`, `data ${Buffer.byteLength(text)}`, text);
    if (i === 0 && parent) parts.push(`from ${parent}`);
    parts.push(`M 644 inline log.txt`, `data ${String(i).length + 1}`, `${i}`, '');
  }
  repo.git(['fast-import', '--quiet'], `${parts.join('\n')}\n`);
}
