/**
 * Hostile input, issue 6: `/steward` commands from people without write access, on the real
 * `steward serve` process. Each comment gets exactly one polite reply naming the command and the
 * person's access; nothing is checked, waived, evaluated, dispatched or reconciled. A maintainer's
 * command afterwards still runs: the refusals left the process answering.
 */
import { describe, expect, it } from '@jest/globals';
import { useServeWorld } from './serve-world.js';
import { E2E_OWNER, E2E_REPO } from './github-events.js';
import { alarmingLines, commentEvent, reviewEvent } from './hostile-world.js';
import { waitFor, waitForQuiet } from './wait.js';
import { STYLE_CHECK, checksCompleted, pullReads, seedPull } from './world.js';

const HEAD = 'f'.repeat(40);
const COMMANDS = ['/steward recheck', '/steward eval', '/steward waive pr-size vendored weights, reviewed by hand', '/steward reconcile'];
const PEOPLE: [string, string, 'read' | 'none'][] = [['a read collaborator', 'reader', 'read'], ['a non-collaborator', 'stranger', 'none']];

const world = useServeWorld((standin) => {
  standin.seed.repository({
    owner: E2E_OWNER, name: E2E_REPO, defaultBranch: 'master',
    permissions: { reader: 'read', stranger: 'none', maintainer: 'maintain' },
  });
  seedPull(standin, { headSha: HEAD });
});

const repliesTo = (login: string) => world.standin.state.comments.filter((c) => c.body.startsWith(`@${login},`));

describe('/steward commands from people without write access (real process)', () => {
  // GitHub's guidance spaces content-creating requests (Probot's throttling: one comment per 3 s),
  // so the ten refusals take about 30 s: one process, one test.
  it('a read collaborator and a non-collaborator: one polite reply per command, nothing checked or dispatched', async () => {
    let id = 100;
    for (const [, login] of PEOPLE) {
      for (const command of COMMANDS) expect(await world.app.sendWebhook('issue_comment', commentEvent(login, command, ++id))).toBe(200);
    }
    // All four in one comment, and a command in a review: still one reply each.
    expect(await world.app.sendWebhook('issue_comment', commentEvent('reader', COMMANDS.join('\n'), ++id))).toBe(200);
    expect(await world.app.sendWebhook('pull_request_review', reviewEvent('stranger', '/steward recheck', HEAD))).toBe(200);
    await waitFor(() => world.standin.state.comments.length >= 10, 45_000, world.standin);
    await waitForQuiet(world.standin, 1_500);

    const named = ['recheck', 'eval', 'waive', 'reconcile'];
    for (const [, login, access] of PEOPLE) {
      const replies = repliesTo(login).map((c) => c.body);
      expect(replies).toHaveLength(5);
      named.forEach((verb, i) => expect(replies[i]).toMatch(new RegExp(`can run \`/steward ${verb}\`\\. `)));
      for (const reply of replies) expect(reply).toContain(`only maintainers with write access can run \``);
      for (const reply of replies) expect(reply).toContain(`Your access to this repository is "${access}", so nothing was changed.`);
    }
    for (const verb of named) expect(repliesTo('reader')[4]!.body).toContain(`\`/steward ${verb}\``);
    expect(repliesTo('stranger')[4]!.body).toContain('can run `/steward recheck`. ');
    expect(world.standin.state.comments).toHaveLength(10);
    expect(world.standin.state.checkRuns).toEqual([]);
    expect(world.standin.state.dispatches).toEqual([]);
    expect(world.standin.state.reviews).toEqual([]);
    expect(pullReads(world.standin)).toBe(0);
    expect(new Set(world.standin.writes().map((w) => w.route))).toEqual(new Set(['/repos/{owner}/{repo}/issues/{issue_number}/comments']));
    expect(world.standin.violations()).toEqual([]);
    expect(alarmingLines(world.app.logs())).toEqual([]);

    // The process still answers: a maintainer's recheck writes the style check, once, and no reply.
    expect(await world.app.sendWebhook('issue_comment', commentEvent('maintainer', '/steward recheck', ++id))).toBe(200);
    await waitFor(checksCompleted(world.standin, HEAD, [STYLE_CHECK]), 20_000, world.standin);
    await waitForQuiet(world.standin, 1_000);
    expect(world.standin.writes('/repos/{owner}/{repo}/check-runs')).toHaveLength(1);
    expect(world.standin.state.comments).toHaveLength(10);
    expect(world.standin.violations()).toEqual([]);
    expect(alarmingLines(world.app.logs())).toEqual([]);
  }, 80_000);
});
