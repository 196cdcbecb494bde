/**
 * The real `steward serve` process, a pull request opened, edited, then pushed to: one
 * `Steward / style` check per head commit (and `Steward / model cards`, since a card changed), never
 * created twice for one head, and every call the App makes fits GitHub's description.
 */
import { describe, expect, it } from '@jest/globals';
import { useServeWorld } from './serve-world.js';
import { waitFor, waitForQuiet } from './wait.js';
import { pullRequestEvent } from './github-events.js';
import { CARD, CARD_CHECK, STYLE_CHECK, checkCreations, checksCompleted, pullReads, loggedProblems, seedPull, seedRepository } from './world.js';

const HEAD_1 = 'a'.repeat(40);
const HEAD_2 = 'b'.repeat(40);

const world = useServeWorld((standin) => {
  seedRepository(standin);
  seedPull(standin, { headSha: HEAD_1, headFiles: { 'models/bert/README.md': CARD } });
});

describe('a pull request opened, edited and synchronised (real process)', () => {
  it('writes the style and model-card checks once per head commit; an edited title updates the style check in place', async () => {
    expect(await world.app.sendWebhook('pull_request', pullRequestEvent('opened', { headSha: HEAD_1, title: 'feat: add bert' }))).toBe(200);
    await waitFor(checksCompleted(world.standin, HEAD_1, [STYLE_CHECK, CARD_CHECK]), 20_000, world.standin);
    await waitForQuiet(world.standin, 1_500);
    expect(checkCreations(world.standin)).toEqual([`${CARD_CHECK}@${HEAD_1}`, `${STYLE_CHECK}@${HEAD_1}`]);

    // The title changes on GitHub (no longer a conventional one), then the edited event arrives:
    // the style check on the same head turns red in place, nothing is created again.
    const styleRun = () => world.standin.state.checkRuns.find((run) => run.name === STYLE_CHECK && run.head_sha === HEAD_1)!;
    expect(styleRun().conclusion).toBe('success');
    seedPull(world.standin, { headSha: HEAD_1, title: 'Add the bert model', headFiles: { 'models/bert/README.md': CARD } });
    const edited = pullRequestEvent('edited', { headSha: HEAD_1, title: 'Add the bert model', changes: { title: { from: 'feat: add bert' } } });
    expect(await world.app.sendWebhook('pull_request', edited)).toBe(200);
    await waitFor(() => styleRun().conclusion === 'failure', 15_000, world.standin);
    await waitForQuiet(world.standin, 1_500);
    expect(checkCreations(world.standin)).toEqual([`${CARD_CHECK}@${HEAD_1}`, `${STYLE_CHECK}@${HEAD_1}`]);
    expect(world.standin.writes('/repos/{owner}/{repo}/check-runs/{check_run_id}').map((w) => w.path)).toEqual([expect.stringMatching(new RegExp(`/check-runs/${styleRun().id}$`))]);

    // A push: the pull request moves to HEAD_2 on GitHub, then synchronize arrives.
    seedPull(world.standin, { headSha: HEAD_2, title: 'Add the bert model', headFiles: { 'models/bert/README.md': `${CARD}\nMore.\n` } });
    expect(await world.app.sendWebhook('pull_request', pullRequestEvent('synchronize', { headSha: HEAD_2, before: HEAD_1, title: 'Add the bert model' }))).toBe(200);
    await waitFor(checksCompleted(world.standin, HEAD_2, [STYLE_CHECK, CARD_CHECK]), 20_000, world.standin);
    await waitForQuiet(world.standin, 1_500);
    expect(checkCreations(world.standin)).toEqual([`${CARD_CHECK}@${HEAD_1}`, `${CARD_CHECK}@${HEAD_2}`, `${STYLE_CHECK}@${HEAD_1}`, `${STYLE_CHECK}@${HEAD_2}`]);
    expect(pullReads(world.standin)).toBe(3);
    expect(world.standin.state.checkRuns.every((run) => run.status === 'completed')).toBe(true);
    expect(world.standin.state.checkRuns.find((run) => run.name === STYLE_CHECK && run.head_sha === HEAD_2)!.conclusion).toBe('failure');
    expect(world.standin.violations()).toEqual([]);
    expect(loggedProblems(world.app)).toEqual([]);
  }, 90_000);

  it('a push that changes no card gets the style check only', async () => {
    expect(await world.app.sendWebhook('pull_request', pullRequestEvent('opened', { headSha: HEAD_1 }))).toBe(200);
    await waitFor(checksCompleted(world.standin, HEAD_1, [STYLE_CHECK, CARD_CHECK]), 20_000, world.standin);
    seedPull(world.standin, { headSha: HEAD_2, headFiles: { 'src/train.py': 'print("train")\n' } });
    expect(await world.app.sendWebhook('pull_request', pullRequestEvent('synchronize', { headSha: HEAD_2, before: HEAD_1 }))).toBe(200);
    await waitFor(checksCompleted(world.standin, HEAD_2, [STYLE_CHECK]), 20_000, world.standin);
    await waitForQuiet(world.standin, 1_500);
    expect(checkCreations(world.standin)).toEqual([`${CARD_CHECK}@${HEAD_1}`, `${STYLE_CHECK}@${HEAD_1}`, `${STYLE_CHECK}@${HEAD_2}`]);
    expect(world.standin.violations()).toEqual([]);
    expect(loggedProblems(world.app)).toEqual([]);
  }, 60_000);
});
