import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMain } from './run-main.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const template = readFileSync(new URL('../../../templates/steward.yml', import.meta.url), 'utf8');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-cli-'));
  folders.push(dir);
  return dir;
}

describe('steward (main)', () => {
  it('prints its version and help', async () => {
    expect(await runMain(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await runMain(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: steward <command>/);
    const checkHelp = await runMain(['check', '-h']);
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toContain('--body-file F');
  });

  it('exits 2 with the usage on stderr when no or an unknown command is given', async () => {
    const none = await runMain([]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/^Usage: steward/);
    const unknown = await runMain(['lint']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^steward: unknown command "lint"/);
  });

  it('serve --help answers without loading the App', async () => {
    const run = await runMain(['serve', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Runs the GitHub App');
  });
});

describe('steward init', () => {
  it('writes the default configuration to .github/steward.yml', async () => {
    const dir = folder();
    const run = await runMain(['init', '--repo', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote .github/steward.yml');
    expect(readFileSync(path.join(dir, '.github/steward.yml'), 'utf8')).toBe(template);
  });

  it('refuses to overwrite an existing file unless --force is given', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, '.github'));
    writeFileSync(path.join(dir, '.github/steward.yml'), 'mine: true\n');
    const refused = await runMain(['init', '--repo', dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('.github/steward.yml already exists');
    expect(refused.stderr).toContain('pass --force to overwrite it');
    expect(readFileSync(path.join(dir, '.github/steward.yml'), 'utf8')).toBe('mine: true\n');
    expect((await runMain(['init', '--repo', dir, '--force'])).code).toBe(0);
    expect(readFileSync(path.join(dir, '.github/steward.yml'), 'utf8')).toBe(template);
  });

  it('rejects --force=yes: a boolean takes no value', async () => {
    const dir = folder();
    const run = await runMain(['init', '--repo', dir, '--force=yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--force takes no value');
    expect(existsSync(path.join(dir, '.github/steward.yml'))).toBe(false);
  });
});
