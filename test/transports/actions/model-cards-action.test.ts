/**
 * The bundled actions/model-cards, run as the runner runs it: `node dist/index.js` with INPUT_*
 * variables, a real push payload (edited to a temporary repository's SHAs) and the runner's files.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeRepo, type TestRepo } from '../../platform/local/make-repo.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';
import { bundleActionsIntoTemp, liveCommands, parseOutputs } from './runner-files.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const GOOD_CARD = '---\nlicense: apache-2.0\nlanguage: en\npipeline_tag: text-classification\n---\n# Model\n\nA classifier.\n';
const BAD_CARD = '---\nlicense: cc-by-sa 4.0\n---\n# Model\n';
const OLD_BAD_CARD = '---\nlicense: mit\npipeline_tag: text-clasification\n---\n# Old\n';

let tmp: string;
let bundle: string;
let repo: TestRepo;
const sha: Record<string, string> = {};

beforeAll(() => {
  tmp = bundleActionsIntoTemp('steward-cards-action-');
  bundle = path.join(tmp, 'actions/model-cards/dist/index.js');

  repo = makeRepo();
  repo.write('README.md', '# repo\n');
  repo.write('models/old/README.md', OLD_BAD_CARD);
  sha.base = repo.commit('chore: initial commit');
  repo.write('models/good/README.md', GOOD_CARD);
  sha.good = repo.commit('docs: add a good card');
  repo.write('README.md', BAD_CARD);
  sha.bad = repo.commit('docs: turn the root README into a card');
});

afterAll(() => {
  repo?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

function pushPayload(before: string, after: string): Json {
  const payload = loadWebhookExample('push');
  return { ...payload, before, after, deleted: false, ref: 'refs/heads/main' };
}

function run(options: { payload?: Json; inputs?: Record<string, string> } = {}) {
  const dir = mkdtempSync(path.join(tmp, 'run-'));
  const files = { event: path.join(dir, 'event.json'), output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(options.payload ?? pushPayload(sha.base!, sha.bad!)));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const inputs = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const result = spawnSync(process.execPath, [bundle], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: files.event, GITHUB_WORKSPACE: repo.dir,
      GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary,
      'INPUT_CONFIG': '.github/steward.yml', 'INPUT_FORMAT': 'text', 'INPUT_FAIL-ON': 'error', 'INPUT_ALL': 'false',
      ...inputs,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
}

describe('actions/model-cards bundle', () => {
  it('fails a push that adds a bad card and annotates its line; unchanged cards are not read', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const commands = liveCommands(result.stdout);
    expect(commands).toContainEqual(expect.stringMatching(/^::error title=Steward card-schema,file=README\.md,line=2,.*cc-by-sa-4\.0/));
    expect(commands.some((c) => c.includes('models/old'))).toBe(false);
    expect(result.stdout).toContain('2 changed card(s)');
  });

  it('writes the findings output, the counts and a job summary naming the card', () => {
    const { outputs, summary } = run();
    const report = JSON.parse(outputs.findings!);
    expect(report.summary).toMatchObject({ errors: Number(outputs.errors), warnings: Number(outputs.warnings), files: 2 });
    expect(Number(outputs.errors)).toBeGreaterThan(0);
    expect(report.findings[0]).toMatchObject({ check: 'model-card', path: 'README.md', line: 2 });
    expect(summary).toMatch(/^## Steward \/ model cards/);
    expect(summary).toMatch(/\| `README.md` \| [1-9]/);
  });

  it('passes a push whose only changed card is good', () => {
    const result = run({ payload: pushPayload(sha.base!, sha.good!) });
    expect(liveCommands(result.stdout).filter((c) => c.startsWith('::error'))).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs.errors).toBe('0');
  });

  it('checks every card with all: true, also the unchanged ones', () => {
    const result = run({ payload: pushPayload(sha.base!, sha.good!), inputs: { all: 'true' } });
    expect(result.status).toBe(1);
    expect(liveCommands(result.stdout)).toContainEqual(expect.stringMatching(/^::error [^:]*file=models\/old\/README\.md,line=3,.*text-clasification/));
    expect(JSON.parse(result.outputs.findings!).summary.files).toBe(3);
  });

  it('takes the card globs from the paths input', () => {
    const result = run({ inputs: { all: 'true', paths: 'models/good/*.md' } });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.outputs.findings!).summary.files).toBe(1);
  });

  it('exits 2 on an invalid config and points at its line', () => {
    writeFileSync(path.join(repo.dir, 'broken.yml'), 'model-cards:\n  profile: loud\n');
    const result = run({ inputs: { config: 'broken.yml' } });
    expect(result.status).toBe(2);
    const commands = liveCommands(result.stdout);
    expect(commands).toContainEqual(expect.stringMatching(/^::error [^:]*file=broken\.yml,line=2[,:]/));
    expect(commands).toContainEqual(expect.stringMatching(/^::error title=Steward%3A invalid configuration::broken\.yml has \d+ problem/));
    rmSync(path.join(repo.dir, 'broken.yml'));
  });

  it('applies the repository\'s own card schema from the config', () => {
    writeFileSync(path.join(repo.dir, 'cards.yml'), 'model-cards:\n  profile: none\n  schemas: [{ paths: ["models/**/README.md"], schema: card.schema.json }]\n');
    writeFileSync(path.join(repo.dir, 'card.schema.json'), JSON.stringify({ type: 'object', required: ['base_model'] }));
    const result = run({ payload: pushPayload(sha.base!, sha.good!), inputs: { config: 'cards.yml' } });
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.outputs.findings!).findings;
    expect(findings).toEqual([expect.objectContaining({ rule: 'card-schema', path: 'models/good/README.md', field: '/base_model' })]);
    rmSync(path.join(repo.dir, 'cards.yml'));
    rmSync(path.join(repo.dir, 'card.schema.json'));
  });

  it('exits 2 on an input it does not know', () => {
    const result = run({ inputs: { profile: 'strict' } });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Input "profile" is "strict"; use one of huggingface, mitchell, none');
  });

  it('skips a deleted branch', () => {
    const result = run({ payload: { ...pushPayload(sha.bad!, '0'.repeat(40)), deleted: true } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('the branch was deleted');
  });

  it('writes SARIF when asked', () => {
    run({ inputs: { 'sarif-file': 'cards.sarif' } });
    const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'cards.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('README.md');
    rmSync(path.join(repo.dir, 'cards.sarif'));
  });
});
