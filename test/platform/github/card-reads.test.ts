import { describe, expect, it } from '@jest/globals';
import { createGitHubAdapter } from '../../../src/platform/github/create-github-adapter.js';
import { headLinesOf } from '../../../src/platform/github/reviews.js';
import { answerBlobs, filesPage, mockReviewPost, reviewsPage } from './card-github.js';
import { HEAD, mockGitHub, testOctokit } from './setup.js';

const repo = { owner: 'acme', repo: 'models' };
const paths = (n: number) => Array.from({ length: n }, (_, i) => `models/m${i}/README.md`);

describe('GitHub adapter: reading changed cards', () => {
  it('reads 100 files in one GraphQL query, and 101 in two', async () => {
    const blobs = Object.fromEntries(paths(101).map((p) => [p, `---\nlicense: mit\n---\n# ${p}\n`]));
    const seen: string[] = [];
    const gh = mockGitHub().graphql('query StewardReadFiles(', answerBlobs(blobs, seen), { times: 3 });
    const adapter = createGitHubAdapter(testOctokit());
    const hundred = await adapter.readFiles(repo, HEAD, paths(100), 1000);
    expect(adapter.requestCount()).toBe(1);
    expect(hundred.map((f) => f.path)).toEqual(paths(100));
    expect(hundred[7]).toEqual({ path: 'models/m7/README.md', text: blobs['models/m7/README.md'], bytes: Buffer.byteLength(blobs['models/m7/README.md']!) });
    await adapter.readFiles(repo, HEAD, paths(101), 1000);
    expect(adapter.requestCount()).toBe(3);
    expect(seen).toHaveLength(201);
    gh.done();
  });

  it('leaves out missing paths and returns binary, truncated and oversized blobs without text', async () => {
    const gh = mockGitHub().graphql('query StewardReadFiles(', answerBlobs({
      'a.md': { binary: true, bytes: 2048 }, 'b.md': { truncated: true, bytes: 900_000 }, 'c.md': 'x'.repeat(50), 'd "quoted".md': 'ok',
    }));
    const files = await createGitHubAdapter(testOctokit()).readFiles(repo, HEAD, ['a.md', 'b.md', 'c.md', 'gone.md', 'd "quoted".md'], 40);
    expect(files).toEqual([
      { path: 'a.md', text: null, bytes: 2048, reason: 'binary' },
      { path: 'b.md', text: null, bytes: 900_000, reason: 'too-large' },
      { path: 'c.md', text: null, bytes: 50, reason: 'too-large' },
      { path: 'd "quoted".md', text: 'ok', bytes: 2 },
    ]);
    gh.done();
  });
});

describe('GitHub adapter: reviews', () => {
  it('knows the head-side lines of a patch', () => {
    const patch = '@@ -1,3 +1,4 @@\n ---\n-license: mit\n+license: cc-by-sa 4.0\n+language: en\n ---\n@@ -20,2 +21,2 @@\n-old\n+new\n\\ No newline at end of file';
    expect([...headLinesOf(patch)]).toEqual([1, 2, 3, 4, 21]);
  });

  it('reads the diff lines of the asked files, finds its marker among the reviews, and posts one review', async () => {
    const posted: Record<string, unknown>[] = [];
    const gh = mockGitHub()
      .rest('GET', '/repos/acme/models/pulls/7/files', { query: { per_page: 100, page: 1 } }, 200, filesPage([
        { filename: 'README.md', patch: '@@ -1,2 +1,2 @@\n ---\n+license: mit' }, { filename: 'big.bin' }, { filename: 'other.md', patch: '@@ -1 +1 @@\n+x' },
      ]))
      .rest('GET', '/repos/acme/models/pulls/7/reviews', { query: { per_page: 100, page: 1 }, times: 2 }, 200, reviewsPage(['LGTM', 'x <!-- steward:card-review sha=abc -->']));
    mockReviewPost(gh, '/repos/acme/models', 7, posted);
    const adapter = createGitHubAdapter(testOctokit());
    expect(await adapter.readDiffLines(repo, 7, ['README.md', 'big.bin'])).toEqual(new Map([['README.md', new Set([1, 2])]]));
    expect(await adapter.hasReview(repo, 7, '<!-- steward:card-review sha=abc -->')).toBe(true);
    expect(await adapter.hasReview(repo, 7, '<!-- steward:card-review sha=def -->')).toBe(false);
    await adapter.postReview(repo, 7, { headSha: HEAD, body: 'fixes', comments: [{ path: 'README.md', line: 2, body: '```suggestion\nlicense: mit\n```' }] });
    expect(posted).toEqual([{
      commit_id: HEAD, event: 'COMMENT', body: 'fixes', comments: [{ path: 'README.md', line: 2, side: 'RIGHT', body: '```suggestion\nlicense: mit\n```' }],
    }]);
    gh.done();
  });
});
