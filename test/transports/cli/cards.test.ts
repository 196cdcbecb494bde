/** `steward cards` on real files in a temporary folder and on the shared corpus, as a maintainer runs it. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMain } from './run-main.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/model-cards');
const folders: string[] = [];

function folderWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-cards-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const GOOD = '---\nlicense: apache-2.0\nlanguage: en\npipeline_tag: text-classification\n---\n# Model\n';
const BAD = '---\nlicense: cc-by-sa 4.0\nlanguage: no\n---\n# Model\n';

describe('steward cards', () => {
  it('finds the cards the default paths match, at any depth, and exits 1 on an error', async () => {
    const dir = folderWith({ 'README.md': GOOD, 'models/small/README.md': BAD, 'notes.md': BAD, 'node_modules/x/README.md': BAD });
    const run = await runMain(['cards', '--repo', dir, '--format', 'json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.summary).toMatchObject({ files: 2, commits: 0 });
    expect(new Set(out.findings.map((f: { path: string }) => f.path))).toEqual(new Set(['models/small/README.md']));
    expect(out.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'card-schema', field: '/license', line: 2 }),
      expect.objectContaining({ field: '/language', line: 3 }),
    ]));
  });

  it('takes files, folders and globs, and exits 0 when they are clean', async () => {
    const dir = folderWith({ 'a/README.md': GOOD, 'b/model_card.md': GOOD, 'c/README.md': BAD });
    expect((await runMain(['cards', '--repo', dir, 'a/README.md', 'b', '--format', 'json'])).code).toBe(0);
    const globbed = JSON.parse((await runMain(['cards', '--repo', dir, '**/README.md', '--format', 'json'])).stdout);
    expect(globbed.summary.files).toBe(2);
  });

  it('follows model-cards.profile and required-sections from the config, and --profile over it', async () => {
    const config = 'model-cards:\n  profile: none\n  required-sections: ["Intended Use"]\n';
    const dir = folderWith({ '.github/steward.yml': config, 'README.md': BAD });
    const none = JSON.parse((await runMain(['cards', '--repo', dir, '--format', 'json'])).stdout);
    expect(none.findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
      ['card-yaml', expect.stringContaining('false')],
      ['card-section', "The card has no 'Intended Use' section"],
    ]);
    const hub = JSON.parse((await runMain(['cards', '--repo', dir, '--profile', 'huggingface', '--format', 'json'])).stdout);
    expect(hub.findings.map((f: { rule: string }) => f.rule)).toContain('card-schema');
  });

  it('reports a huge file without reading it, and a binary one without crashing', async () => {
    const dir = folderWith({ 'big/README.md': Buffer.alloc(11 * 1024 * 1024, 0x61), 'bin/README.md': Buffer.from([0, 1, 2, 0xff, 0xfe, 10]) });
    const run = await runMain(['cards', '--repo', dir, '--format', 'json']);
    const out = JSON.parse(run.stdout);
    expect(out.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'big/README.md', rule: 'card-front-matter', message: expect.stringContaining('too large') }),
    ]));
    expect(out.summary.files).toBe(2);
  });

  it('exits 2 on a bad profile, a missing path or an invalid config', async () => {
    const plain = folderWith({ 'README.md': GOOD });
    expect((await runMain(['cards', '--repo', plain, '--profile', 'x'])).code).toBe(2);
    const missing = await runMain(['cards', '--repo', plain, 'missing.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.md: no such file');
    const dir = folderWith({ 'README.md': GOOD, '.github/steward.yml': 'model-cards:\n  profile: hub\n' });
    const invalid = await runMain(['cards', '--repo', dir, '--format', 'json']);
    expect(invalid.code).toBe(2);
    expect(JSON.parse(invalid.stdout).findings[0]).toMatchObject({ check: 'config', path: '.github/steward.yml', line: 2 });
  });

  it('checks every card of the shared corpus without crashing', async () => {
    const run = await runMain(['cards', '--repo', CORPUS, '*.md', '--format', 'json']);
    expect([0, 1]).toContain(run.code);
    const out = JSON.parse(run.stdout);
    expect(out.summary.files).toBeGreaterThanOrEqual(40);
    expect(out.findings.every((f: { check: string }) => f.check === 'model-card')).toBe(true);
  });
});

describe('steward cards and repository schemas', () => {
  const OWNED = { $schema: 'https://json-schema.org/draft/2020-12/schema', required: ['owner'], properties: { license: { $ref: 'parts/license.json' } } };
  const LICENSE = { enum: ['apache-2.0', 'mit'] };
  const CARD = '---\nlicense: gpl-3.0\n---\n# Model\n';

  it('--schema FILE applies one schema, with its local $refs, to every card', async () => {
    const dir = folderWith({ 'a/README.md': CARD, 'b/model_card.md': '---\nlicense: mit\nowner: x\n---\n', 'card.json': JSON.stringify(OWNED), 'parts/license.json': JSON.stringify(LICENSE) });
    const run = await runMain(['cards', '--repo', dir, '--profile', 'none', '--schema', path.join(dir, 'card.json'), '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings).toEqual([
      expect.objectContaining({ path: 'a/README.md', rule: 'card-schema', field: '/owner', line: 2, message: 'owner is required' }),
      expect.objectContaining({ path: 'a/README.md', rule: 'card-schema', field: '/license', line: 2, column: 10, message: "license must be one of: apache-2.0, mit (got 'gpl-3.0')" }),
    ]);
  });

  it('reads model-cards.schemas and sections relative to --repo, per path, in YAML too', async () => {
    const config = [
      'model-cards:', '  profile: none',
      '  schemas: [{ paths: ["models/**"], schema: schemas/card.yml }]',
      '  sections: [{ paths: ["models/**"], required: ["Training Data"] }]', '',
    ].join('\n');
    const dir = folderWith({
      '.github/steward.yml': config, 'README.md': CARD, 'models/x/README.md': CARD,
      'schemas/card.yml': 'required: [owner]\nproperties:\n  license: { $ref: "steward:huggingface#/properties/license" }\n',
    });
    const out = JSON.parse((await runMain(['cards', '--repo', dir, '--format', 'json'])).stdout);
    expect(out.findings.map((f: { path: string; rule: string; message: string }) => [f.path, f.rule, f.message])).toEqual([
      ['models/x/README.md', 'card-schema', 'owner is required'],
      ['models/x/README.md', 'card-section', "The card has no 'Training Data' section"],
    ]);
  });

  it('reports a broken schema once per card and keeps going; exits 2 on a missing --schema file', async () => {
    const dir = folderWith({ 'README.md': CARD, 'm/README.md': CARD, 'bad.json': '{ "type": ', '.github/steward.yml': 'model-cards:\n  schemas: [{ paths: ["**"], schema: bad.json }]\n' });
    const run = await runMain(['cards', '--repo', dir, '--format', 'json']);
    expect(run.code).toBe(1);
    const broken = JSON.parse(run.stdout).findings.filter((f: { message: string }) => f.message.includes('bad.json'));
    expect(broken).toEqual([
      expect.objectContaining({ path: 'README.md', rule: 'card-schema', message: expect.stringMatching(/^The repository schema bad.json cannot be used: the file cannot be read: /) }),
      expect.objectContaining({ path: 'm/README.md', rule: 'card-schema' }),
    ]);
    const missing = await runMain(['cards', '--repo', dir, '--schema', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
  });
});
