/** Artifacts through the adapter: listing, and downloading through GitHub's redirect to storage under limits. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import nock from 'nock';
import { ArtifactError, createGitHubAdapter, GitHubError } from '../../../src/platform/github/create-github-adapter.js';
import { basicError, restExample } from '../../support/github-fixtures.js';
import { makeZip } from '../../support/make-zip.js';
import { mockGitHub, testOctokit } from './setup.js';

afterEach(() => nock.cleanAll());

const REPO = { owner: 'acme', repo: 'models' };
const LIMITS = { maxZipBytes: 100_000, maxFiles: 20, maxFileBytes: 50_000 };
const STORAGE = 'https://productionresultssa3.blob.core.windows.net';
const BLOB = '/actions-results/4f2b/workflow-job-run-1/artifacts/steward-shard-0.zip';
const ZIP_ROUTE = '/repos/acme/models/actions/artifacts/77/zip';
const redirect = { headers: { location: `${STORAGE}${BLOB}?sig=abc&se=2026-11-28T16%3A00%3A00Z` } };

function artifact(id: number, name: string, bytes: number, expired = false) {
  const [example] = (restExample('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts') as { artifacts: Record<string, unknown>[] }).artifacts;
  return { ...example!, id, name, size_in_bytes: bytes, expired };
}

async function refusalOf(promise: Promise<unknown>): Promise<ArtifactError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ArtifactError);
  return error as ArtifactError;
}

describe('GitHub adapter: listRunArtifacts', () => {
  it('lists every page of a run\'s artifacts with size and expiry', async () => {
    const first = Array.from({ length: 100 }, (_, i) => artifact(i + 1, `steward-shard-${i}`, 1000 + i));
    const gh = mockGitHub()
      .rest('GET', '/repos/acme/models/actions/runs/55/artifacts', { query: { per_page: 100, page: 1 } }, 200, { total_count: 101, artifacts: first })
      .rest('GET', '/repos/acme/models/actions/runs/55/artifacts', { query: { per_page: 100, page: 2 } }, 200,
        { total_count: 101, artifacts: [artifact(500, 'steward-shard-100', 12, true)] });
    const listed = await createGitHubAdapter(testOctokit()).listRunArtifacts(REPO, 55);
    expect(listed).toHaveLength(101);
    expect(listed[0]).toEqual({ id: 1, name: 'steward-shard-0', bytes: 1000, expired: false });
    expect(listed[100]).toEqual({ id: 500, name: 'steward-shard-100', bytes: 12, expired: true });
    gh.done();
  });
});

describe('GitHub adapter: downloadArtifactFiles', () => {
  it('follows the redirect to storage and gives back the zip\'s files', async () => {
    const json = JSON.stringify({ run: 'r-1', shard: 0, pieces: [] });
    const zip = makeZip([{ name: 'steward-shard.json', data: json }, { name: 'logs/', data: '' }, { name: 'logs/piece-0.txt', data: 'ok\n' }]);
    const gh = mockGitHub().rest('GET', ZIP_ROUTE, redirect, 302);
    const storage = nock(STORAGE).get(BLOB).query(true).reply(200, Buffer.from(zip), { 'content-type': 'application/zip' });
    const files = await createGitHubAdapter(testOctokit()).downloadArtifactFiles(REPO, 77, LIMITS);
    expect(files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')])).toEqual([['steward-shard.json', json], ['logs/piece-0.txt', 'ok\n']]);
    expect(storage.isDone()).toBe(true);
    gh.done();
  });

  it('refuses a download whose content-length is over the cap without reading it', async () => {
    const zip = makeZip([{ name: 'big.bin', data: new Uint8Array(5000).map((_, i) => (i * 31) % 256), method: 'stored' }]);
    const gh = mockGitHub().rest('GET', ZIP_ROUTE, redirect, 302);
    nock(STORAGE).get(BLOB).query(true).reply(200, Buffer.from(zip), { 'content-type': 'application/zip', 'content-length': String(zip.byteLength) });
    const error = await refusalOf(createGitHubAdapter(testOctokit()).downloadArtifactFiles(REPO, 77, { ...LIMITS, maxZipBytes: 1000 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`${zip.byteLength} bytes`);
    gh.done();
  });

  // nock gathers a streamed reply before handing it over, so this shows the cap without a
  // content-length, not the early stop itself (the chunks are read one by one in read-capped.ts).
  it('refuses a streamed download without a content-length once it passes the cap', async () => {
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(16_384, 1));
    const gh = mockGitHub().rest('GET', ZIP_ROUTE, redirect, 302);
    nock(STORAGE).get(BLOB).query(true).reply(200, () => Readable.from(chunks), { 'content-type': 'application/zip' });
    const error = await refusalOf(createGitHubAdapter(testOctokit()).downloadArtifactFiles(REPO, 77, LIMITS));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`more than ${LIMITS.maxZipBytes} bytes`);
    gh.done();
  });

  it('says the artifact expired (410), so the shard counts as missing rather than failing the App', async () => {
    const gh = mockGitHub().rest('GET', ZIP_ROUTE, {}, 410, basicError('Artifact has expired'));
    const error = await refusalOf(createGitHubAdapter(testOctokit()).downloadArtifactFiles(REPO, 77, LIMITS));
    expect(error.code).toBe('expired');
    expect(error.message).toContain('run the shard again');
    gh.done();
  });

  it('refuses an artifact that tries to write outside its folder', async () => {
    const zip = makeZip([{ name: 'steward-shard.json', data: '{}' }, { name: '../../.github/workflows/evil.yml', data: 'on: push' }]);
    const gh = mockGitHub().rest('GET', ZIP_ROUTE, redirect, 302);
    nock(STORAGE).get(BLOB).query(true).reply(200, Buffer.from(zip), { 'content-type': 'application/zip' });
    expect((await refusalOf(createGitHubAdapter(testOctokit()).downloadArtifactFiles(REPO, 77, LIMITS))).code).toBe('unsafe-path');
    gh.done();
  });

  it('reports other refusals as GitHubError naming the artifact', async () => {
    const gh = mockGitHub().rest('GET', ZIP_ROUTE, {}, 403, basicError('Resource not accessible by integration'));
    const error = await createGitHubAdapter(testOctokit()).downloadArtifactFiles(REPO, 77, LIMITS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 403, operation: 'GET /repos/acme/models/actions/artifacts/77/zip' });
    expect((error as Error).message).toContain('app.yml');
    gh.done();
  });
});
