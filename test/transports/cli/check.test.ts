import { afterEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeRepo, type TestRepo } from '../../platform/local/make-repo.js';
import { runMain } from './run-main.js';

const CONFIG = `style:
  rules:
    title-conventional: { severity: error }
    commit-conventional: { severity: error }
    commit-signoff: { severity: error }
    forbidden-paths: { severity: error, paths: ["secrets/**"] }
    labels: { severity: error, required-one-of: [model, docs] }
    body-sections: { severity: error, sections: ["## Summary"] }
`;
/** README.md is a model card (SPEC.md §1's default paths): these fixtures keep it valid. */
const CARD_HEAD = '---\nlicense: mit\n---\n';
const SIGNED = 'Signed-off-by: Ada Lovelace <ada@example.org>';
const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()));

interface Change {
  message: string;
  files?: Record<string, string>;
}

function repoWith(config: string, commits: Change[]): TestRepo {
  const r = makeRepo();
  repos.push(r);
  r.write('.github/steward.yml', config);
  r.write('README.md', `${CARD_HEAD}# model\n`);
  r.commit(`chore: start\n\n${SIGNED}`);
  r.git(['checkout', '-q', '-b', 'feat/card']);
  for (const c of commits) {
    for (const [file, text] of Object.entries(c.files ?? {})) r.write(file, text);
    r.commit(c.message);
  }
  return r;
}

const GOOD: Change[] = [{ message: `feat: add the model card\n\n${SIGNED}`, files: { 'README.md': `${CARD_HEAD}# model\n\nCard.\n` } }];
const BAD: Change[] = [
  { message: 'update stuff', files: { 'secrets/token.pem': '-----BEGIN PRIVATE KEY-----\n' } },
  { message: `fix: tidy\n\n${SIGNED}`, files: { 'README.md': `${CARD_HEAD}# model!\n` } },
];
const PR = ['--title', 'feat: add the model card', '--label', 'model'];

describe('steward check', () => {
  it('exits 0 and says so when nothing is wrong', async () => {
    const r = repoWith(CONFIG, GOOD);
    writeFileSync(path.join(r.dir, 'body.md'), '## Summary\n\nAdds the card.\n');
    const run = await runMain(['check', '--repo', r.dir, ...PR, '--body-file', path.join(r.dir, 'body.md')]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ 0 errors, 0 warnings in 1 commit and 1 file\n');
    expect(run.code).toBe(0);
  });

  it('exits 1 on errors and prints them grouped, in plain text off a terminal', async () => {
    const r = repoWith(CONFIG, BAD);
    const run = await runMain(['check', '--repo', r.dir, '--title', 'update stuff']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).toMatch(/^pull request$/m);
    expect(run.stdout).toMatch(/^secrets\/token\.pem$/m);
    expect(run.stdout).toMatch(/^commit [0-9a-f]{7}$/m);
    expect(run.stdout).toMatch(/errors?, \d+ warnings? in 2 commits and 2 files\n$/);
  });

  it('prints SPEC §2 JSON with --format json', async () => {
    const r = repoWith(CONFIG, BAD);
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json', ...PR]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['findings', 'summary']);
    expect(out.summary).toMatchObject({ commits: 2, files: 2 });
    const rules = out.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['commit-conventional', 'commit-signoff', 'forbidden-paths']));
    // No --body-file and no --label: the rules that read them are skipped, not failed.
    expect(rules).not.toContain('labels');
    expect(rules).not.toContain('body-sections');
    const forbidden = out.findings.find((f: { rule: string }) => f.rule === 'forbidden-paths');
    expect(forbidden).toMatchObject({ check: 'style', severity: 'error', path: 'secrets/token.pem' });
    expect(Object.keys(forbidden).slice(0, 9)).toEqual(['check', 'rule', 'severity', 'message', 'commit', 'path', 'line', 'column', 'hint']);
  });

  it('prints SARIF 2.1.0 with --format sarif', async () => {
    const r = repoWith(CONFIG, BAD);
    const run = await runMain(['check', '--repo', r.dir, '--format=sarif', ...PR]);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Steward' } } }] });
    const results = log.runs[0].results as { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.length).toBeGreaterThan(2);
    for (const result of results) {
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBeTruthy();
    }
  });

  it('checks the labels and body given on the command line, and skips those rules without them', async () => {
    const r = repoWith(CONFIG, GOOD);
    const without = JSON.parse((await runMain(['check', '--repo', r.dir, '--format', 'json', '--title', 'feat: x'])).stdout);
    expect(without.findings).toEqual([]);
    writeFileSync(path.join(r.dir, 'thin.md'), 'Adds the card.\n');
    const thin = await runMain(['check', '--repo', r.dir, '--format', 'json', '--title', 'feat: x', '--label', 'wip', '--body-file', path.join(r.dir, 'thin.md')]);
    expect(JSON.parse(thin.stdout).findings.map((f: { rule: string }) => f.rule).sort()).toEqual(['body-sections', 'labels']);
    writeFileSync(path.join(r.dir, 'body.md'), '## Summary\n\nAdds the card.\n');
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json', '--title', 'feat: x', '--label', 'infra', '--label=docs', '--body-file', path.join(r.dir, 'body.md')]);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });

  it('exits 2 on an invalid config and points at its line and column', async () => {
    const r = repoWith('style:\n  rules:\n    commit-signoff: { severity: fatal }\n', GOOD);
    const json = await runMain(['check', '--repo', r.dir, '--format', 'json']);
    expect(json.code).toBe(2);
    const finding = JSON.parse(json.stdout).findings[0];
    expect(finding).toMatchObject({ check: 'config', severity: 'error', path: '.github/steward.yml', line: 3 });
    expect(finding.column).toBeGreaterThan(0);
    const text = await runMain(['check', '--repo', r.dir]);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/\.github\/steward\.yml\n {2}3:\d+/);
  });

  it('reads --config instead of the repository file', async () => {
    const r = repoWith(CONFIG, BAD);
    writeFileSync(path.join(r.dir, 'lenient.yml'), 'style:\n  rules:\n    title-conventional: { severity: off }\n    commit-conventional: { severity: off }\n    forbidden-paths: { severity: off }\n');
    const run = await runMain(['check', '--repo', r.dir, '--config', path.join(r.dir, 'lenient.yml'), '--format', 'json']);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('follows _extends to a file next to the config, in the work tree', async () => {
    const r = repoWith('_extends: ./base.yml\nstyle:\n  rules:\n    title-conventional: { severity: off }\n', BAD);
    r.write('.github/base.yml', 'style:\n  rules:\n    commit-signoff: { severity: error }\n    commit-conventional: { severity: off }\n    forbidden-paths: { severity: off }\n');
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json']);
    const out = JSON.parse(run.stdout);
    expect(out.findings.map((f: { rule: string }) => f.rule)).toEqual(['commit-signoff']);
    expect(run.code).toBe(1);
  });

  it('notes on stderr when HEAD is on the default branch and the whole history is checked', async () => {
    const r = repoWith(CONFIG, []);
    r.git(['checkout', '-q', 'main']);
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json', ...PR]);
    expect(run.stderr).toContain('note: main adds no commits to the default branch main, so the whole history up to main is checked; pass --base REF');
    expect(JSON.parse(run.stdout).summary.commits).toBe(1);
  });

  it.each([
    [['--base', 'nope'], 'steward check: cannot resolve --base nope'],
    [['--bse', 'main'], 'unknown option --bse for `steward check`; did you mean --base?'],
    [['--format', 'xml'], '--format must be text, json or sarif, not "xml"'],
    [['--base'], '--base needs a value'],
    [['--body-file', '/no/such/body.md'], '--body-file /no/such/body.md: cannot read that file'],
    [['extra'], '`steward check` takes no arguments'],
  ])('exits 2 on a usage error %p', async (args, message) => {
    const r = repoWith(CONFIG, GOOD);
    const run = await runMain(['check', '--repo', r.dir, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Run `steward check --help` for usage.');
  });

  it('exits 2 when --repo is not a git repository', async () => {
    const run = await runMain(['check', '--repo', path.join(process.cwd(), 'no-such-folder')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-such-folder is not a folder; pass --repo/);
  });
});

describe('steward check: colour', () => {
  it('colours on a terminal, and not when NO_COLOR is set', async () => {
    const r = repoWith(CONFIG, BAD);
    const tty = await runMain(['check', '--repo', r.dir, ...PR], { tty: true, env: { NO_COLOR: undefined } });
    expect(tty.stdout).toContain('\u001b[31m');
    const noColor = await runMain(['check', '--repo', r.dir, ...PR], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(noColor.stdout.replace(/\s+/g, ' ')).toBe(tty.stdout.replace(/\u001b\[\d+m/g, '').replace(/\s+/g, ' '));
  });
});

describe('steward check: the model cards changed in the range', () => {
  const LENIENT = 'style:\n  rules:\n    commit-signoff: { severity: off }\n';
  const BROKEN_CARD = '---\nlicense: cc-by-sa 4.0\n---\n# model\n';

  it('checks the changed cards at head, not the unchanged ones, and exits 1 on their errors', async () => {
    const r = repoWith(LENIENT, [{ message: 'feat: cards', files: { 'models/a/README.md': BROKEN_CARD, 'docs/guide.md': BROKEN_CARD } }]);
    // A broken card already on main is not part of this range and is not reported.
    r.git(['checkout', '-q', 'main']);
    r.write('models/old/README.md', BROKEN_CARD);
    r.commit('chore: old card');
    r.git(['checkout', '-q', 'feat/card']);
    r.git(['rebase', '-q', 'main']);
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json', '--title', 'feat: cards']);
    const out = JSON.parse(run.stdout);
    expect(out.findings).toEqual([expect.objectContaining({
      check: 'model-card', rule: 'card-schema', severity: 'error', path: 'models/a/README.md', line: 2, field: '/license',
      hint: 'Write: license: cc-by-sa-4.0',
    })]);
    expect(out.summary).toMatchObject({ errors: 1, commits: 1 });
    expect(run.code).toBe(1);
  });

  it('reads a card as it is at --head, not in the work tree, and skips removed cards', async () => {
    const r = repoWith(LENIENT, [{ message: 'feat: fix the card', files: { 'README.md': '---\nlicense: mit\n---\n# fixed\n' } }]);
    r.write('README.md', BROKEN_CARD); // uncommitted: not part of the range
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json', '--title', 'feat: x']);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.code).toBe(0);

    r.git(['checkout', '-q', '--', 'README.md']);
    r.git(['rm', '-q', 'README.md']);
    r.commit('feat: drop the card');
    const removed = await runMain(['check', '--repo', r.dir, '--format', 'json', '--title', 'feat: x']);
    expect(JSON.parse(removed.stdout).findings).toEqual([]);
  });

  it('reports a binary card without parsing it', async () => {
    const r = repoWith(LENIENT, [{ message: 'feat: logo', files: { 'assets/README.md': '\u0000PNG' } }]);
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json', '--title', 'feat: x']);
    expect(JSON.parse(run.stdout).findings).toEqual([expect.objectContaining({
      rule: 'card-front-matter', severity: 'error', path: 'assets/README.md', message: expect.stringContaining('is a binary file'),
    })]);
    expect(run.code).toBe(1);
  });

  it('gives warnings of a card without failing the run', async () => {
    const r = repoWith(LENIENT, [{ message: 'feat: card', files: { 'README.md': '---\nlicense: mit\npipline_tag: text-generation\n---\n# m\n' } }]);
    const run = await runMain(['check', '--repo', r.dir, '--format', 'json', '--title', 'feat: x']);
    expect(JSON.parse(run.stdout).findings).toEqual([expect.objectContaining({ rule: 'card-unknown-key', severity: 'warning', line: 3 })]);
    expect(run.code).toBe(0);
  });
});
