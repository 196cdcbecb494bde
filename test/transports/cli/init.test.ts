/** `steward init` and the model card template it writes as README.md. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMain } from './run-main.js';

const card = readFileSync(new URL('../../../templates/model-card.md', import.meta.url), 'utf8');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-init-'));
  folders.push(dir);
  return dir;
}

describe('steward init: model card template', () => {
  it('writes README.md when the repository has none, and the card passes steward cards', async () => {
    const dir = folder();
    const run = await runMain(['init', '--repo', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote README.md: a model card template');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(card);
    const checked = await runMain(['cards', '--repo', dir, '--format', 'json']);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout).summary).toMatchObject({ errors: 0, warnings: 0, notices: 0, files: 1 });
    const mitchell = await runMain(['cards', '--repo', dir, '--profile', 'mitchell', '--format', 'json']);
    expect(JSON.parse(mitchell.stdout).findings).toEqual([]);
  });

  it('keeps an existing README.md and says where the template is', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'README.md'), '# mine\n');
    const run = await runMain(['init', '--repo', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Kept the existing README\.md; the model card template is .*templates[/\\]model-card\.md \(--force overwrites README\.md/);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# mine\n');
    expect(existsSync(path.join(dir, '.github/steward.yml'))).toBe(true);
  });

  it('overwrites README.md with --force', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'README.md'), '# mine\n');
    expect((await runMain(['init', '--repo', dir, '--force'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe(card);
  });

  it('writes no card when it refuses to overwrite the configuration', async () => {
    const dir = folder();
    await runMain(['init', '--repo', dir]);
    rmSync(path.join(dir, 'README.md'));
    const refused = await runMain(['init', '--repo', dir]);
    expect(refused.code).toBe(2);
    expect(existsSync(path.join(dir, 'README.md'))).toBe(false);
  });
});
