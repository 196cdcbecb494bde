/**
 * The bundled Action, run as the runner runs it: `node dist/index.js` with INPUT_* variables, a real
 * pull_request.opened payload (edited to point at a temporary repository) and the runner's files.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeRepo, type TestRepo } from '../../platform/local/make-repo.js';
import { bundleActionsIntoTemp, liveCommands, parseOutputs } from './runner-files.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../../..');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CONFIG = `style:
  rules:
    commit-conventional: { severity: error }
    forbidden-paths: { severity: error, paths: ["secrets/**", "**/*.pem"] }
    labels: { severity: error, required-one-of: [model, docs] }
`;

let tmp: string;
let bundle: string;
let repo: TestRepo;
const sha: Record<string, string> = {};

beforeAll(() => {
  tmp = bundleActionsIntoTemp('steward-action-');
  bundle = path.join(tmp, 'actions/check/dist/index.js');

  repo = makeRepo();
  repo.write('README.md', '# model\n');
  repo.write('.github/steward.yml', CONFIG);
  sha.base = repo.commit('chore: initial commit');
  repo.write('models/a/weights.txt', 'w\n');
  sha.good = repo.commit('feat(models): add model a\n\nSigned-off-by: Ada Lovelace <ada@example.org>');
  repo.write('secrets/key.pem', '-----BEGIN PRIVATE KEY-----\n');
  repo.write('notes.txt', 'commit message says:\n');
  sha.bad = repo.commit('Update stuff\n\n::warning::injected from a commit message\n\nSigned-off-by: Ada Lovelace <ada@example.org>');
  repo.write('models/a/README.md', '---\nlicense: apache 2\n---\n# Model a\n');
  sha.card = repo.commit('docs(models): add the card of model a\n\nSigned-off-by: Ada Lovelace <ada@example.org>');
});

afterAll(() => {
  repo?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

interface RunOptions {
  head?: string;
  inputs?: Record<string, string>;
  pr?: Json;
  eventName?: string;
  payload?: Json;
}

function run(options: RunOptions = {}) {
  const dir = mkdtempSync(path.join(tmp, 'run-'));
  const examples = require('@octokit/webhooks-examples') as { name: string; examples: Json[] }[];
  const payload = options.payload ?? structuredClone(examples.find((w) => w.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!);
  if (!options.payload) {
    payload.pull_request.base.sha = sha.base;
    payload.pull_request.head.sha = options.head ?? sha.bad;
    payload.pull_request.title = 'feat(models): add model a';
    payload.pull_request.labels = [{ name: 'model' }];
    Object.assign(payload.pull_request, options.pr ?? {});
  }
  const files = { event: path.join(dir, 'event.json'), output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const inputs = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const result = spawnSync(process.execPath, [bundle], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: options.eventName ?? 'pull_request', GITHUB_EVENT_PATH: files.event, GITHUB_WORKSPACE: repo.dir,
      GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary,
      'INPUT_CONFIG': '.github/steward.yml', 'INPUT_FORMAT': 'text', 'INPUT_FAIL-ON': 'error',
      ...inputs,
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

describe('actions/check bundle', () => {
  it('fails a pull request with a forbidden file and annotates the file', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const commands = liveCommands(result.stdout);
    expect(commands).toContainEqual(expect.stringMatching(/^::error title=Steward forbidden-paths,file=secrets\/key\.pem,line=1::/));
    expect(commands).toContainEqual(expect.stringMatching(new RegExp(`^::error title=Steward commit-conventional::.*${sha.bad!.slice(0, 7)}.*Update stuff`)));
  });

  it('keeps commands in commit messages from reaching the runner', () => {
    const live = liveCommands(run().stdout);
    // Quoted text may appear inside an annotation, escaped onto the same line, never as its own command.
    expect(live.some((c) => c.startsWith('::warning::injected'))).toBe(false);
    expect(live.filter((c) => c.includes('injected')).every((c) => c.includes('%0A::warning::injected'))).toBe(true);
  });

  it('writes the findings output as SPEC JSON and the counts', () => {
    const { outputs } = run();
    const report = JSON.parse(outputs.findings!);
    expect(report.summary).toEqual({ errors: Number(outputs.errors), warnings: Number(outputs.warnings), notices: expect.any(Number), commits: 2, files: 3 });
    const forbidden = report.findings.find((f: Json) => f.rule === 'forbidden-paths');
    expect(forbidden).toMatchObject({ check: 'style', severity: 'error', path: 'secrets/key.pem', commit: null });
    expect(Object.keys(forbidden).sort()).toEqual(expect.arrayContaining(['check', 'column', 'commit', 'hint', 'line', 'message', 'path', 'rule', 'severity']));
    const commit = report.findings.find((f: Json) => f.rule === 'commit-conventional');
    expect(commit.commit).toBe(sha.bad);
  });

  it('appends a job summary with the rule table', () => {
    const { summary } = run();
    expect(summary).toMatch(/\| Rule \| Result \| Details \|/);
    expect(summary).toMatch(/\| `forbidden-paths` \| ❌ fail/);
    expect(summary).not.toContain('steward:fingerprint');
  });

  it('passes the clean commits of a pull request', () => {
    const result = run({ head: sha.good });
    expect(liveCommands(result.stdout).filter((c) => c.startsWith('::error'))).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs.errors).toBe('0');
  });

  it('reads the labels from the event, not from git', () => {
    const result = run({ head: sha.good, pr: { labels: [] } });
    expect(result.status).toBe(1);
    expect(liveCommands(result.stdout)).toContainEqual(expect.stringMatching(/^::error title=Steward labels::/));
  });

  it('does not fail when fail-on is never, and fails on warnings when asked', () => {
    expect(run({ inputs: { 'fail-on': 'never' } }).status).toBe(0);
    writeFileSync(path.join(repo.dir, 'warn.yml'), 'style:\n  rules:\n    labels: { severity: warning, required-one-of: [model] }\n');
    const unlabelled = { head: sha.good, pr: { labels: [] } };
    expect(run({ ...unlabelled, inputs: { config: 'warn.yml' } }).status).toBe(0);
    expect(run({ ...unlabelled, inputs: { 'fail-on': 'warning', config: 'warn.yml' } }).status).toBe(1);
    rmSync(path.join(repo.dir, 'warn.yml'));
  });

  it('reports on a draft without failing it, as the draft rule asks by default', () => {
    const result = run({ pr: { draft: true } });
    expect(result.status).toBe(0);
    const commands = liveCommands(result.stdout);
    expect(commands).toContainEqual(expect.stringMatching(/^::error title=Steward forbidden-paths,/));
    expect(commands).toContainEqual(expect.stringMatching(/^::notice title=Steward%3A draft::This pull request is a draft/));
  });

  it('writes SARIF when asked', () => {
    run({ inputs: { 'sarif-file': 'out/../steward.sarif' } });
    const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'steward.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    rmSync(path.join(repo.dir, 'steward.sarif'));
  });

  it('exits 2 on an invalid config and points at the line', () => {
    writeFileSync(path.join(repo.dir, 'broken.yml'), 'style:\n  rules:\n    pr-size: { severity: loud }\n');
    const result = run({ inputs: { config: 'broken.yml' } });
    expect(result.status).toBe(2);
    const commands = liveCommands(result.stdout);
    expect(commands).toContainEqual(expect.stringMatching(/^::error [^:]*file=broken\.yml,line=3[,:]/));
    expect(commands).toContainEqual(expect.stringMatching(/^::error title=Steward%3A invalid configuration::broken\.yml has \d+ problem/));
    rmSync(path.join(repo.dir, 'broken.yml'));
  });

  it('exits 2 and says what to change when a config path does not exist', () => {
    const result = run({ inputs: { config: 'nope.yml' } });
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^::error title=Steward could not run::Input "config" is "nope.yml", but there is no such file/m);
  });

  it('exits 2 with the fetch-depth hint when a commit is not in the clone', () => {
    const result = run({ head: 'f'.repeat(40) });
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^::error title=Steward could not run::.*fetch-depth: 0/m);
    expect(result.stderr).toBe('');
  });

  it('exits 2 on an input it does not know', () => {
    const result = run({ inputs: { 'fail-on': 'sometimes' } });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Input "fail-on" is "sometimes"; use one of error, warning, never');
  });

  it('checks the model cards the range changes, at their lines', () => {
    const result = run({ head: sha.card });
    const card = JSON.parse(result.outputs.findings!).findings.find((f: Json) => f.check === 'model-card');
    expect(card).toMatchObject({ rule: 'card-schema', path: 'models/a/README.md', field: '/license', line: 2 });
    expect(liveCommands(result.stdout)).toContainEqual(expect.stringMatching(/^::error [^:]*file=models\/a\/README\.md,line=2/));
  });

  it('checks before..after on push', () => {
    const payload = { ref: 'refs/heads/main', before: sha.base, after: sha.good, repository: { full_name: 'Codertocat/Hello-World' } };
    const result = run({ eventName: 'push', payload });
    expect(result.stdout).toContain(`push: checking the pushed commits ${sha.base!.slice(0, 7)}..${sha.good!.slice(0, 7)}`);
    expect(JSON.parse(result.outputs.findings!).summary.commits).toBe(1);
  });
});
