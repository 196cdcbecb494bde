/**
 * GitHub's side of the model-card reads and reviews, for the adapter and App tests: the batched
 * blob query answered from a map of files, and REST answers built from GitHub's own examples.
 */
import { restExample, withOverrides } from '../../support/github-fixtures.js';
import type { GraphqlAnswer, MockGitHub } from '../../support/mock-github.js';

/** Files at a commit: text, or { binary } / { truncated } blobs as GitHub describes them. */
export type Blobs = Record<string, string | { binary: true; bytes: number } | { truncated: true; bytes: number }>;

/** Answers `query StewardReadFiles(` from `blobs`, projected to what each aliased field selects. */
export function answerBlobs(blobs: Blobs, seen: string[] = []): (variables: Record<string, unknown>, query: string) => GraphqlAnswer {
  return (_variables, query) => {
    const repository: Record<string, unknown> = {};
    for (const [, alias, expression] of query.matchAll(/(f\d+): object\(expression: ("(?:[^"\\]|\\.)*")\)/g)) {
      const path = (JSON.parse(expression!) as string).replace(/^[^:]*:/, '');
      seen.push(path);
      const blob = blobs[path];
      if (blob === undefined) repository[alias!] = null;
      else if (typeof blob === 'string') {
        repository[alias!] = { __typename: 'Blob', text: blob, byteSize: Buffer.byteLength(blob), isBinary: false, isTruncated: false };
      } else if ('binary' in blob) {
        repository[alias!] = { __typename: 'Blob', text: null, byteSize: blob.bytes, isBinary: true, isTruncated: false };
      } else {
        repository[alias!] = { __typename: 'Blob', text: 'partial', byteSize: blob.bytes, isBinary: false, isTruncated: true };
      }
    }
    return { data: { repository } };
  };
}

/** GET .../pulls/{n}/files: one page with these patches. */
export function filesPage(files: { filename: string; status?: string; patch?: string }[]): unknown[] {
  const [example] = restExample('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files') as unknown as Record<string, unknown>[];
  return files.map((f) => {
    const file = withOverrides(example!, { filename: f.filename, status: f.status ?? 'modified' });
    if (f.patch === undefined) delete file.patch;
    else file.patch = f.patch;
    return file;
  });
}

/** GET .../pulls/{n}/reviews: one page of reviews with these bodies. */
export function reviewsPage(bodies: string[]): unknown[] {
  const [example] = restExample('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews') as unknown as Record<string, unknown>[];
  return bodies.map((body, i) => withOverrides(example!, { id: 100 + i, body }));
}

/** Mocks POST .../pulls/{n}/reviews and records each request body. */
export function mockReviewPost(gh: MockGitHub, repoPath: string, number: number, posted: Record<string, unknown>[]): void {
  gh.rest('POST', `${repoPath}/pulls/${number}/reviews`, {}, 200, (req: { body: unknown }) => {
    posted.push(req.body as Record<string, unknown>);
    return withOverrides(restExample('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'), { body: (req.body as { body: string }).body });
  });
}
