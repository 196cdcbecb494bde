/** Unexpected failures and the lazily loaded App, with the workflow and serve() replaced. */
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { makeRepo, type TestRepo } from '../../platform/local/make-repo.js';

const checkPullRequest = jest.fn<(...args: unknown[]) => Promise<unknown>>();
const serve = jest.fn<(env: unknown) => Promise<{ url: string; close(): Promise<void> }>>();
jest.unstable_mockModule('../../../src/workflows/check-pull-request.js', () => ({ checkPullRequest, STYLE_CHECK_NAME: 'Steward / style' }));
jest.unstable_mockModule('../../../src/transports/probot/serve.js', () => ({ serve }));

let runMain: typeof import('./run-main.js').runMain;
beforeAll(async () => {
  ({ runMain } = await import('./run-main.js'));
});

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

function repo(): TestRepo {
  const r = makeRepo();
  repos.push(r);
  r.commit('chore: start');
  r.git(['checkout', '-q', '-b', 'feat/x']);
  r.commit('feat: x');
  return r;
}

describe('steward: unexpected errors', () => {
  it('prints the message without a stack and exits 2', async () => {
    checkPullRequest.mockRejectedValueOnce(new Error('the engine fell over'));
    const run = await runMain(['check', '--repo', repo().dir], { env: { STEWARD_DEBUG: undefined } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('steward: the engine fell over\n(Set STEWARD_DEBUG=1 to see where it happened.)\n');
  });

  it('prints the stack when STEWARD_DEBUG is set', async () => {
    checkPullRequest.mockRejectedValueOnce(new Error('the engine fell over'));
    const run = await runMain(['check', '--repo', repo().dir], { env: { STEWARD_DEBUG: '1' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^steward: Error: the engine fell over\n\s+at /);
  });

  it('passes the local adapter and a local ref to the workflow', async () => {
    const r = repo();
    checkPullRequest.mockResolvedValueOnce({
      resolved: { config: {}, findings: [], sources: [] },
      snapshot: { pr: { files: [], commits: [], headSha: 'h'.repeat(40) } },
      report: { findings: [], summary: { errors: 0, warnings: 0, notices: 0, commits: 1, files: 0 } },
    });
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json']);
    expect(run.code).toBe(0);
    const [reader, ref, options] = checkPullRequest.mock.calls.at(-1)!;
    expect((reader as { capabilities: unknown }).capabilities).toEqual({ checks: false, comments: false, identity: false });
    expect(ref).toEqual({ owner: 'local', repo: r.dir.split('/').pop(), number: 0 });
    expect(options).toEqual({ waivers: [] });
  });
});

describe('steward serve', () => {
  it('loads the App on demand and starts it with the environment', async () => {
    serve.mockResolvedValueOnce({ url: 'http://localhost:3000/api/github/webhooks', close: async () => undefined });
    const run = await runMain(['serve']);
    expect(run.code).toBe(0);
    expect(serve).toHaveBeenCalledWith(process.env);
  });

  it('exits 2 with the reason when the App cannot start', async () => {
    serve.mockRejectedValueOnce(new Error('APP_ID is not set; copy .env.example to .env and fill it in'));
    const run = await runMain(['serve']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('steward: APP_ID is not set');
  });
});
