/** The benchmark results as Markdown: one table, the machine, the date, and any disagreement in full. */
import { cpus, loadavg, release } from 'node:os';
import { execFileSync } from 'node:child_process';

const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export function renderResults({ commits, requests, seconds }) {
  const rows = [
    [`Style check, ${commits.commits.toLocaleString('en-US')} commits, end to end (median of ${commits.times.steward.length})`,
      ms(commits.stewardMs), `commitlint ${ms(commits.commitlintMs)}`, `${commits.ratio.toFixed(2)}× (goal ≥ 1.5×)`,
      commits.ratio >= 1.5 ? 'pass' : 'FAIL'],
    ...(commits.cpuRatio === null ? [] : [[`Same, CPU time (user + sys, median)`, ms(median(commits.cpu.steward)),
      `commitlint ${ms(median(commits.cpu.commitlint))}`, `${commits.cpuRatio.toFixed(2)}× (for reference)`, '']]),
    ['Same verdict for every commit', `${commits.stewardFailing.toLocaleString('en-US')} failing`,
      `commitlint ${commits.commitlintFailing.toLocaleString('en-US')} failing of ${commits.commitlintLinted.toLocaleString('en-US')} linted`,
      `${commits.differences.length} differ (goal 0)`, commits.differences.length === 0 ? 'pass' : 'FAIL'],
    ...requests.map((r) => [`GitHub requests, pull_request.opened, ${r.name}`, `${r.count} (${r.detail})`,
      `minimum ${r.minimum}`, `goal ≤ ${r.goal}`, r.count <= r.goal && !r.notes.length ? 'pass' : 'FAIL']),
  ];
  const table = ['| Measurement | Steward | Peer / minimum | Ratio / goal | Verdict |', '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`)];
  const runs = `Runs (ms): steward ${commits.times.steward.map(Math.round).join(', ')}; commitlint ${commits.times.commitlint.map(Math.round).join(', ')}.`;
  return [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.js). Do not edit by hand.',
    '',
    ...table,
    '',
    runs,
    '',
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Linux ${release()}, Node ${process.version}, ${gitVersion()}. `
      + `Load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (other work on the machine slows both sides). `
      + `Date: ${new Date().toISOString().slice(0, 10)}. Whole bench: ${Math.round(seconds)} s.`,
    '',
    '## How it is measured',
    '',
    '- History: bench/commits/make-history.js writes a linear 10,000-commit repository with `git fast-import` '
      + '(Conventional Commits with scopes, bodies, footers and breaking changes; fixup!/squash!, reverts, merge-style and '
      + `semver-only messages; CRLF, Unicode, stray whitespace and long footers; ${(100 * commits.commitlintFailing / commits.commits).toFixed(0)}% `
      + 'fail), cached in bench/.work/.',
    '- Steward: `node bin/steward.js check --repo R --base <root> --head HEAD --format json --config C`, C enabling only '
      + '`commit-conventional` with config-conventional\'s values and `squash-aware: false`.',
    '- Peer: `node_modules/.bin/commitlint --from <root> --to HEAD` with a config extending '
      + '`@commitlint/config-conventional` and a formatter that prints every verdict (bench/commits/commitlint-formatter.mjs).',
    '- Both run as child processes, alternately; times are wall clock from spawn to exit.',
    '- Requests: the real GitHub adapter, `checkPullRequest` and `publishCheck` against nock; every request to '
      + 'api.github.com is counted (no installation-token request: the client holds a token). The minimum is what '
      + 'GitHub\'s page sizes allow: one GraphQL read per 100 files, commits riding along, plus one check-run write. '
      + 'GitHub\'s file list carries no blob sizes, so `large-files` needs them read by `object(expression:)`: the adapter '
      + 'asks for each page\'s sizes in the next page\'s query, which leaves one extra query for the last page.',
    ...renderDifferences(commits.differences),
    ...requests.flatMap((r) => (r.notes?.length ? ['', `Notes on ${r.name}: ${r.notes.join('; ')}`] : [])),
    '',
  ].join('\n');
}

function renderDifferences(differences) {
  if (!differences.length) return [];
  const shown = differences.slice(0, 50).map((d) => `| ${d.sha.slice(0, 10)} | ${d.steward} | ${d.commitlint} | \`${d.message.split('\n')[0].replace(/\|/g, '\\|')}\` |`);
  return ['', `## Commits where the verdicts differ (${differences.length})`, '', '| Commit | Steward | commitlint | Header |', '| --- | --- | --- | --- |', ...shown];
}

function gitVersion() {
  try {
    return execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'git unknown';
  }
}
