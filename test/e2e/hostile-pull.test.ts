/**
 * Hostile input, issue 6: an enormous pull request on the real `steward serve` process. 3,050
 * changed files (GitHub lists 3,000), 320 commits and a 1 MB description: the style check completes
 * within a stated bound, the reads stay within GitHub's paging (100 a page), the check's texts fit
 * GitHub's 65,535-character limit with a note, and its 250 annotations go 50 per request. Then a
 * summary pushed past the limit by waiver reasons: trimmed with a note, never a refused call.
 */
import { describe, expect, it } from '@jest/globals';
import { makeCommits } from '../support/fake-github-graphql.js';
import { useServeWorld } from './serve-world.js';
import { E2E_OWNER, E2E_REPO } from './github-events.js';
import { alarmingLines, checkAt, commentEvent, openedEvent, seedHostilePull, setConfig } from './hostile-world.js';
import { waitFor, waitForQuiet } from './wait.js';
import { STYLE_CHECK, checksCompleted, seedPull } from './world.js';

const GITHUB_TEXT_LIMIT = 65_535;
const HEAD = '3'.repeat(40);
const FILES = 3_050;
const COMMITS = 320;
const BODY = `## Summary\n\n${'A very long description line. '.repeat(35_000)}`.slice(0, 1024 * 1024);
/**
 * Probot's throttling spaces GraphQL queries and writes 1 s apart (GitHub's guidance for content
 * writes, applied to every POST /graphql): 1 + 30 page queries + 5 check writes ≈ 36 s of pacing.
 */
const BOUND_MS = 55_000;
const ONE_RUN = '/repos/{owner}/{repo}/check-runs/{check_run_id}';

const world = useServeWorld((standin) => {
  standin.seed.repository({ owner: E2E_OWNER, name: E2E_REPO, defaultBranch: 'master', permissions: { maintainer: 'maintain' } });
});

const pageReads = () => world.standin.requests().filter((r) => r.operation === 'StewardPullRequestPage').length;

describe('an enormous pull request (real process)', () => {
  it(`${FILES} files, ${COMMITS} commits, a 1 MB body: a complete, trimmed style check within ${BOUND_MS / 1000} s`, async () => {
    // Every file is a forbidden *.pem: 3,000 findings, far past the annotation cap and the text limit.
    // As head files (not bare FakeFiles), so the stand-in answers the blob-size reads by expression alone.
    const headFiles = Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`keys/key-${i}.pem`, `-----BEGIN KEY ${i}-----\n`]));
    seedHostilePull(world.standin, { number: 7, headSha: HEAD, body: BODY, headFiles, commits: makeCommits(COMMITS) });
    // body-sections on: the 1 MB description is parsed as Markdown, not skipped.
    setConfig(world.standin, 'style:\n  rules:\n    body-sections:\n      severity: error\n      sections: [Summary, Testing]\n');
    const started = Date.now();
    expect(await world.app.sendWebhook('pull_request', openedEvent(7, HEAD, BODY))).toBe(200);
    await waitFor(checksCompleted(world.standin, HEAD, [STYLE_CHECK]), BOUND_MS, world.standin);
    const took = Date.now() - started;
    await waitForQuiet(world.standin, 1_500);

    // Paging: the first query reads 100 files and commits; 29 follow-ups read the other 2,900 files (and
    // commits 101-320 alongside), one more sizes the last page's blobs. Never more than GitHub lists.
    expect(world.standin.requests().filter((r) => r.operation === 'StewardPullRequest')).toHaveLength(1);
    expect(pageReads()).toBe(30);
    const run = checkAt(world.standin, HEAD, STYLE_CHECK)!;
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).toContain('Incomplete data: GitHub lists at most 3,000 files of a pull request (3,000 of 3,050 read)');
    // (The count is written without a thousands separator, unlike every other number in the summary.)
    expect(run.output.summary).toMatch(/Showing 250 of 3,?000 annotations; the text below lists every finding\./);
    expect(run.output.summary).toContain('3,000 files checked (limit 10 MB)');
    expect(run.output.summary).toMatch(/\| `body-sections` \| ❌ fail \(error\) \| 2 sections required[^\n]*; 1 problem \|/);
    expect(run.output.text).toMatch(/#### `body-sections`[^#]*Testing/);
    expect(run.output.summary).not.toContain('A very long description line.');
    expect(run.output.summary!.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(run.output.text!.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(run.output.text).toMatch(/> \*\*Trimmed:\*\* [\d,]+ more characters of the findings were cut to fit GitHub's/);
    // 250 annotations: the create carries 50, four updates 50 each (the stand-in refuses a 51st).
    expect(run.output.annotations_count).toBe(250);
    expect(world.standin.writes('/repos/{owner}/{repo}/check-runs')).toHaveLength(1);
    expect(world.standin.writes(ONE_RUN)).toHaveLength(4);
    expect(world.standin.violations()).toEqual([]);
    expect(world.standin.requests().filter((r) => r.status >= 400)).toEqual([]);
    expect(alarmingLines(world.app.logs())).toEqual([]);
    expect(took).toBeLessThan(BOUND_MS);
    expect((await fetch(new URL('/ping', world.app.url))).status).toBe(200);
    process.stdout.write(`enormous pull request: style check completed in ${took} ms, ${world.standin.requests().length} requests\n`);
  }, 90_000);

  it('a summary pushed past 65,535 characters by waiver reasons is trimmed with a note, the call never refused', async () => {
    seedPull(world.standin, { headSha: HEAD });
    const reason = (n: number) => `reason ${n}: ${'vendored and reviewed by hand; '.repeat(525)}`;
    // One waiver per rule is kept, so four rules.
    const rules = ['pr-size', 'forbidden-paths', 'large-files', 'labels'];
    const waivers = rules.map((rule, n) => `/steward waive ${rule} ${reason(n)}`).join('\n');
    expect(waivers.length).toBeLessThanOrEqual(65_536); // GitHub's limit for a comment body
    expect(await world.app.sendWebhook('issue_comment', commentEvent('maintainer', waivers, 1))).toBe(200);
    await waitFor(checksCompleted(world.standin, HEAD, [STYLE_CHECK]), 20_000, world.standin);
    await waitForQuiet(world.standin, 1_500);

    const run = checkAt(world.standin, HEAD, STYLE_CHECK)!;
    expect(run.output.summary!.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(run.output.summary).toMatch(/> \*\*Trimmed:\*\* [\d,]+ more characters of the summary were cut to fit GitHub's/);
    expect(run.output.summary).toMatch(/<!-- steward:fingerprint=\w+ annotations=\w+ -->$/);
    expect(world.standin.writes('/repos/{owner}/{repo}/check-runs')).toHaveLength(1);
    expect(world.standin.violations()).toEqual([]);
    expect(world.standin.requests().filter((r) => r.status >= 400)).toEqual([]);
    expect(alarmingLines(world.app.logs())).toEqual([]);
  }, 60_000);
});
