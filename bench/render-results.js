/** The benchmark results as Markdown: one table, the machine, the date, and any disagreement in full. */
import { cpus, loadavg, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { renderEvalRows, renderEvalSections } from './eval-plan/render-eval.js';
import { RECONCILE_METHOD, renderReconcileRows } from './reconcile/render-reconcile.js';
import { RECONCILE_REQUEST_METHOD, renderReconcileRequestRows } from './reconcile-requests/render-reconcile-requests.js';
import { LOAD_METHOD, renderLoadNotes, renderLoadRows } from './load/render-load.js';

const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export function renderResults({ commits, requests, cards, evalPlan = null, evalAggregate = null, reconcile = null, reconcileRequests = null, load = null, seconds }) {
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
    ...(cards ? renderCardRows(cards) : []),
    ...renderEvalRows(evalPlan, evalAggregate),
    ...(reconcile ? renderReconcileRows(reconcile) : []),
    ...(reconcileRequests ? renderReconcileRequestRows(reconcileRequests) : []),
    ...(load ? renderLoadRows(load) : []),
  ];
  const table = ['| Measurement | Steward | Peer / minimum | Ratio / goal | Verdict |', '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`)];
  const runs = `Runs (ms): steward ${commits.times.steward.map(Math.round).join(', ')}; commitlint ${commits.times.commitlint.map(Math.round).join(', ')}.`
    + (cards ? ` Model cards, passes over ${cards.steward.cards} cards (ms): ${['steward', 'remark', 'floor'].map((s) => `${s} ${cards[s].times.map(Math.round).join(', ')}`).join('; ')}.` : '');
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
    ...(cards ? CARD_METHOD : []),
    ...renderEvalSections(evalPlan, evalAggregate),
    ...(reconcile ? ['', ...RECONCILE_METHOD] : []),
    ...(reconcileRequests ? ['', ...RECONCILE_REQUEST_METHOD] : []),
    ...(load ? ['', ...LOAD_METHOD] : []),
    ...renderDifferences(commits.differences),
    ...requests.flatMap((r) => (r.notes?.length ? ['', `Notes on ${r.name}: ${r.notes.join('; ')}`] : [])),
    ...(load ? renderLoadNotes(load) : []),
    '',
  ].join('\n');
}

const perSecond = (side) => `${Math.round(side.perSecond).toLocaleString('en-US')} cards/s`;
const mb = (kb) => `${Math.round(kb / 1024)} MB`;

function renderCardRows(cards) {
  const n = cards.steward.cards.toLocaleString('en-US');
  return [
    [`Model cards, ${n} Hub cards, huggingface profile (median of ${cards.steward.times.length})`, perSecond(cards.steward),
      `remark-lint-frontmatter-schema ${perSecond(cards.remark)}`, `${cards.vsRemark.toFixed(1)}× faster (goal ≥ 10×)`, cards.vsRemark >= 10 ? 'pass' : 'FAIL'],
    ['Same, against the floor (yaml.parse + one compiled ajv validator, no positions)', perSecond(cards.steward),
      `floor ${perSecond(cards.floor)}`, `${cards.vsFloor.toFixed(2)}× the floor's time (goal ≤ 2×)`, cards.vsFloor <= 2 ? 'pass' : 'FAIL'],
    ['Same, peak memory (max RSS of the process)', mb(cards.steward.maxRssKb),
      `remark ${mb(cards.remark.maxRssKb)}, floor ${mb(cards.floor.maxRssKb)}`, 'reported', ''],
    ['Same, cards with at least one finding', String(cards.steward.withFindings),
      `remark ${cards.remark.withFindings}, floor ${cards.floor.withFindings}`, 'for reference (Steward checks more than the schema)', ''],
  ];
}

const CARD_METHOD = [
  '- Model cards: bench/cards/side.js runs each side in its own process over the cards of '
    + '`/work/shared/corpus/hf-cards-sample/` (read into memory first), several passes, median pass time. Steward: '
    + '`checkCard(text, path, { profile: "huggingface" })` from lib/ (front matter with positions, YAML pitfalls, the '
    + 'schema, key and value checks, messages). Peer: `remark().use(remarkFrontmatter).use(remarkLintFrontmatterSchema, '
    + '{ schemas })`, one processor for all cards. Floor: a front-matter regex, `yaml.parse` and one compiled Ajv2020 '
    + 'validator. All three use HUGGINGFACE_CARD_SCHEMA written to a .json file without `$schema` (the peer builds a '
    + 'draft-07 Ajv that cannot load the 2020-12 meta-schema; the schema uses no 2020-only keyword). The peer compiles '
    + 'the schema anew for every file, as it does in use. Peak memory: `process.resourceUsage().maxRSS` of each side\'s process.',
];

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
