import { describe, expect, it } from '@jest/globals';
import { checkModelCards, MODEL_CARD_CHECK_NAME, publishCardCheck } from '../../src/workflows/check-model-cards.js';
import { MAX_CARD_BYTES } from '../../src/workflows/check-card-files.js';
import { checkPullRequest } from '../../src/workflows/check-pull-request.js';
import { buildFile, buildPullRequest } from '../engines/style/build-pr.js';
import { configFile, createFakePlatform } from './fake-platform.js';

const ref = { owner: 'octo', repo: 'models', number: 7 };
const repo = { owner: 'octo', repo: 'models' };
const GOOD = '---\nlicense: mit\n---\n# m\n';
const MISSPELLED = '---\nlanguage: en\nlicense: cc-by-sa 4.0\n---\n# m\n';

/** The style check's load, then the card check on it, as the App and the CLI run them. */
async function checkBoth(platform: ReturnType<typeof createFakePlatform>) {
  const style = await checkPullRequest(platform, ref, { waivers: [] });
  return checkModelCards(platform, repo, { snapshot: style.snapshot, config: style.resolved.config! });
}

describe('checkModelCards', () => {
  it('reads only the changed cards at head, in one read, and annotates the exact line', async () => {
    const pr = buildPullRequest({
      files: [
        buildFile('models/a/README.md', { status: 'modified' }),
        buildFile('models/b/README.md', { status: 'removed' }),
        buildFile('models/c/model_card.md', { status: 'renamed' }),
        buildFile('src/train.py', { status: 'modified' }),
      ],
    });
    const platform = createFakePlatform({ pr, headFiles: { 'models/a/README.md': MISSPELLED, 'models/c/model_card.md': GOOD } });
    const outcome = (await checkBoth(platform))!;
    expect(platform.headReads).toEqual([{ ref: pr.headSha, paths: ['models/a/README.md', 'models/c/model_card.md'] }]);
    expect(outcome.cards).toEqual(['models/a/README.md', 'models/c/model_card.md']);
    expect(outcome.plan).toMatchObject({ name: MODEL_CARD_CHECK_NAME, headSha: pr.headSha, conclusion: 'failure', title: '1 error in 2 changed cards' });
    expect(outcome.plan.annotations).toEqual([expect.objectContaining({
      path: 'models/a/README.md', startLine: 3, endLine: 3, level: 'failure', title: 'card-schema (error)',
    })]);
    expect(outcome.plan.annotations[0]!.message).toContain("did you mean 'cc-by-sa-4.0'?");
    expect(outcome.plan.summary).toContain('| ❌ `models/a/README.md` | 1 | 0 | 0 |');
    expect(outcome.plan.summary).toContain('| ✅ `models/c/model_card.md` | 0 | 0 | 0 |');
    expect(outcome.plan.summary).toMatch(/<!-- steward:fingerprint=[0-9a-f]{16} annotations=[0-9a-f]{16} -->$/);
  });

  it('reads nothing and plans nothing when no card changed', async () => {
    const platform = createFakePlatform({ pr: buildPullRequest({ files: [buildFile('src/train.py'), buildFile('README.md', { status: 'removed' })] }) });
    expect(await checkBoth(platform)).toBeNull();
    expect(platform.headReads).toEqual([]);
  });

  it('follows model-cards.paths and profile from the config', async () => {
    const pr = buildPullRequest({ files: [buildFile('README.md'), buildFile('cards/bert.md')] });
    const platform = createFakePlatform({
      pr,
      config: { repository: configFile('model-cards:\n  paths: ["cards/*.md"]\n  profile: none\n') },
      headFiles: { 'README.md': MISSPELLED, 'cards/bert.md': MISSPELLED },
    });
    const outcome = (await checkBoth(platform))!;
    expect(platform.headReads[0]!.paths).toEqual(['cards/bert.md']);
    expect(outcome.plan).toMatchObject({ conclusion: 'success', title: '1 changed card: all pass' });
    expect(outcome.plan.summary).toContain('Profile: `none`.');
  });

  it('reports binary and oversized cards without parsing them', async () => {
    const pr = buildPullRequest({ files: [buildFile('a/README.md'), buildFile('b/README.md')] });
    const platform = createFakePlatform({
      pr, headFiles: { 'a/README.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), 'b/README.md': 'x'.repeat(MAX_CARD_BYTES + 1) },
    });
    const outcome = (await checkBoth(platform))!;
    expect(outcome.report.findings.map((f) => [f.path, f.rule, f.severity, f.message.replace(/ is .*?(binary|too large).*/, ' $1')])).toEqual([
      ['a/README.md', 'card-front-matter', 'error', 'a/README.md binary'],
      ['b/README.md', 'card-front-matter', 'error', 'b/README.md too large'],
    ]);
    expect(outcome.plan.title).toBe('2 errors in 2 changed cards');
  });

  it('writes the check over its earlier run on the same commit, and not at all when unchanged', async () => {
    const pr = buildPullRequest({ files: [buildFile('README.md')] });
    const first = createFakePlatform({ pr, headFiles: { 'README.md': GOOD } });
    const outcome = (await checkBoth(first))!;
    expect(await publishCardCheck(first, repo, outcome)).toMatchObject({ written: true });
    const existing = { id: 9, status: 'completed' as const, fingerprint: outcome.plan.fingerprint };
    const again = createFakePlatform({ pr, headFiles: { 'README.md': GOOD }, existingCheck: existing });
    expect(await publishCardCheck(again, repo, (await checkBoth(again))!)).toMatchObject({ written: false, checkId: 9 });
  });
});

describe('checkModelCards with the repository card schemas', () => {
  it('reads the schema with the cards, then the files it $refs, and applies it', async () => {
    const pr = buildPullRequest({ files: [buildFile('models/a/README.md')] });
    const platform = createFakePlatform({
      pr,
      config: { repository: configFile('model-cards:\n  profile: none\n  schemas: [{ paths: ["models/**"], schema: ./schemas/card.json }]\n') },
      headFiles: {
        'models/a/README.md': GOOD,
        'schemas/card.json': JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', allOf: [{ $ref: 'parts/owner.json' }] }),
        'schemas/parts/owner.json': JSON.stringify({ type: 'object', required: ['owner'] }),
      },
    });
    const outcome = (await checkBoth(platform))!;
    expect(platform.headReads.map((r) => r.paths)).toEqual([['models/a/README.md', 'schemas/card.json'], ['schemas/parts/owner.json']]);
    expect(outcome.cards).toEqual(['models/a/README.md']);
    expect(outcome.report.findings).toEqual([expect.objectContaining({ rule: 'card-schema', path: 'models/a/README.md', severity: 'error' })]);
    expect(outcome.report.findings[0]!.message).toMatch(/owner/);
  });
});
