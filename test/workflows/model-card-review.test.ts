import { describe, expect, it } from '@jest/globals';
import { checkCard } from '../../src/engines/model-card/check-card.js';
import { checkModelCards } from '../../src/workflows/check-model-cards.js';
import { checkPullRequest } from '../../src/workflows/check-pull-request.js';
import { suggestCardFixes } from '../../src/workflows/model-card-suggestions.js';
import { cardReviewMarker, postCardReview } from '../../src/workflows/post-model-card-review.js';
import { buildFile, buildPullRequest } from '../engines/style/build-pr.js';
import { createFakePlatform } from './fake-platform.js';

const repo = { owner: 'octo', repo: 'models' };

function fixesOf(text: string): { line: number; fixed: string }[] {
  const findings = checkCard(text, 'README.md', { profile: 'huggingface', requiredSections: [] });
  return suggestCardFixes('README.md', text, findings).map(({ line, fixed }) => ({ line, fixed }));
}

describe('suggested fixes of model cards', () => {
  it('rewrites the value, keeping indentation, quotes and comments', () => {
    expect(fixesOf("---\nlicense: 'cc-by-sa 4.0'  # from the paper\n---\n")).toEqual([{ line: 2, fixed: "license: 'cc-by-sa-4.0'  # from the paper" }]);
    expect(fixesOf('---\nlanguage:\n    - fr\n    - English\n---\n')).toEqual([{ line: 4, fixed: '    - en' }]);
  });

  it('renames a misspelled key and keeps its value', () => {
    expect(fixesOf('---\nlicense: mit\npipline_tag: text-generation\n---\n')).toEqual([{ line: 3, fixed: 'pipeline_tag: text-generation' }]);
  });

  it('suggests nothing when the fix is not mechanical', () => {
    // No close license id, a flow list, and license: other without a name: prose hints only.
    expect(fixesOf('---\nlicense: my own terms\n---\n')).toEqual([]);
    expect(fixesOf('---\nlanguage: [fr, English]\n---\n')).toEqual([]);
    expect(fixesOf('---\nlicense: other\n---\n')).toEqual([]);
  });
});

describe('postCardReview', () => {
  const CARD = '---\nlicense: cc-by-sa 4.0\nlanguage: en\n---\n# m\n';

  async function outcomeOf(platform: ReturnType<typeof createFakePlatform>) {
    const style = await checkPullRequest(platform, { ...repo, number: 7 }, { waivers: [] });
    return { pr: style.snapshot.pr, outcome: (await checkModelCards(platform, repo, { snapshot: style.snapshot, config: style.resolved.config! }))! };
  }

  it('posts one review with a suggestion on an added card, marked with the head commit, and never twice', async () => {
    const platform = createFakePlatform({ pr: buildPullRequest({ files: [buildFile('README.md', { status: 'added' })] }), headFiles: { 'README.md': CARD } });
    const { pr, outcome } = await outcomeOf(platform);
    expect(await postCardReview(platform, repo, pr, outcome)).toEqual({ status: 'posted', comments: 1 });
    expect(platform.diffReads).toEqual([]); // an added file is all diff
    expect(platform.reviews).toEqual([{
      headSha: pr.headSha,
      body: expect.stringContaining(cardReviewMarker(pr.headSha)),
      comments: [{ path: 'README.md', line: 2, body: expect.stringContaining('```suggestion\nlicense: cc-by-sa-4.0\n```') }],
    }]);
    expect(await postCardReview(platform, repo, pr, outcome)).toEqual({ status: 'already-posted', comments: 0 });
    expect(platform.reviews).toHaveLength(1);
  });

  it('comments only on lines the diff shows of a modified card', async () => {
    const pr = buildPullRequest({ files: [buildFile('README.md', { status: 'modified' })] });
    const outside = createFakePlatform({ pr, headFiles: { 'README.md': CARD }, diffLines: { 'README.md': [5, 6] } });
    const first = await outcomeOf(outside);
    expect(await postCardReview(outside, repo, first.pr, first.outcome)).toEqual({ status: 'outside-diff', comments: 0 });
    expect(outside.diffReads).toEqual([['README.md']]);
    expect(outside.reviews).toEqual([]);

    const inside = createFakePlatform({ pr, headFiles: { 'README.md': CARD }, diffLines: { 'README.md': [1, 2, 3] } });
    const second = await outcomeOf(inside);
    expect(await postCardReview(inside, repo, second.pr, second.outcome)).toEqual({ status: 'posted', comments: 1 });
  });

  it('asks nothing of GitHub when there is nothing to suggest', async () => {
    const platform = createFakePlatform({
      pr: buildPullRequest({ files: [buildFile('README.md')] }), headFiles: { 'README.md': '---\nlicense: mit\n---\n' },
      reviewBodies: [],
    });
    const { pr, outcome } = await outcomeOf(platform);
    expect(await postCardReview(platform, repo, pr, outcome)).toEqual({ status: 'no-suggestion', comments: 0 });
    expect(platform.diffReads).toEqual([]);
  });
});
