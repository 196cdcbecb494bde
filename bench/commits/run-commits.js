/**
 * Steward vs commitlint on the same 10,000-commit range: the same verdict for every commit, and
 * the end-to-end time of each (process start to exit), measured alternately, median of `reps`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeHistory } from './make-history.js';

const ROOT = resolve(import.meta.dirname, '../..');
const GNU_TIME = '/usr/bin/time';
const HAS_TIME = existsSync(GNU_TIME);
const CONVENTIONAL_TYPES = ['build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test'];
const OTHER_RULES = ['title-conventional', 'commit-signoff', 'branch-name', 'body-sections', 'pr-size',
  'forbidden-paths', 'large-files', 'labels', 'linked-issue', 'draft'];

/** Only commit-conventional, set to config-conventional's values, with squash-awareness off. */
function stewardConfig() {
  const rule = `{ severity: error, squash-aware: false, types: [${CONVENTIONAL_TYPES.join(', ')}], header-max-length: 100, body-max-line-length: 100 }`;
  return ['style:', '  rules:', `    commit-conventional: ${rule}`, ...OTHER_RULES.map((r) => `    ${r}: { severity: off }`), ''].join('\n');
}

/**
 * Runs a command with stdout going to a file: commitlint calls process.exit() right after printing,
 * which cuts its output short on a pipe (about 400 KB of 1.2 MB here); a file gets every byte.
 */
function timed(command, args, outFile) {
  const fd = openSync(outFile, 'w');
  // CPU seconds (user + sys, children included) come from GNU time when the machine has it:
  // on a busy machine they vary less than wall time.
  const cpuFile = `${outFile}.cpu`;
  const [cmd, argv] = HAS_TIME ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, args];
  try {
    const start = process.hrtime.bigint();
    const result = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 << 20 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error) throw result.error;
    const cpuMs = HAS_TIME ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').reduce((a, x) => a + Number(x) * 1000, 0) : null;
    return { ms, cpuMs, stdout: readFileSync(outFile, 'utf8'), stderr: result.stderr, status: result.status };
  } finally {
    closeSync(fd);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export function runCommitsBench({ workDir: work, reps = 5, log = () => {} }) {
  const workDir = resolve(work);
  const { dir, messages, shas } = makeHistory(workDir);
  const setup = join(workDir, 'commitlint');
  mkdirSync(setup, { recursive: true });
  // Inside the project, so that `extends` resolves from its node_modules.
  const commitlintConfig = join(setup, 'commitlint.config.mjs');
  writeFileSync(commitlintConfig, "export default { extends: ['@commitlint/config-conventional'] };\n");
  const stewardConfigPath = join(setup, 'steward.yml');
  writeFileSync(stewardConfigPath, stewardConfig());

  const steward = () => timed(process.execPath, [join(ROOT, 'bin/steward.js'), 'check', '--repo', dir, '--base', shas[0], '--head', 'HEAD',
    '--format', 'json', '--config', stewardConfigPath], join(setup, 'steward.out'));
  const commitlint = () => timed(join(ROOT, 'node_modules/.bin/commitlint'), ['--cwd', dir, '--from', shas[0], '--to', 'HEAD',
    '--config', commitlintConfig, '--format', join(ROOT, 'bench/commits/commitlint-formatter.mjs')], join(setup, 'commitlint.out'));

  const times = { steward: [], commitlint: [] };
  const cpu = { steward: [], commitlint: [] };
  let last = {};
  for (let i = 0; i < reps; i++) {
    for (const [name, run] of i % 2 ? [['commitlint', commitlint], ['steward', steward]] : [['steward', steward], ['commitlint', commitlint]]) {
      last[name] = run();
      times[name].push(last[name].ms);
      if (last[name].cpuMs !== null) cpu[name].push(last[name].cpuMs);
      log(`  ${name} run ${i + 1}/${reps}: ${Math.round(last[name].ms)} ms`);
    }
  }
  const verdicts = compareVerdicts(messages, shas, last.steward, last.commitlint);
  const stewardMs = median(times.steward);
  const commitlintMs = median(times.commitlint);
  const cpuRatio = cpu.steward.length ? median(cpu.commitlint) / median(cpu.steward) : null;
  return { commits: shas.length - 1, stewardMs, commitlintMs, ratio: commitlintMs / stewardMs, times, cpu, cpuRatio, ...verdicts };
}

const headerOf = (message) => message.split('\n', 1)[0].trim();

/** Failing commits (by index in the history) by each tool, and the commits where they disagree. */
function compareVerdicts(messages, shas, stewardRun, commitlintRun) {
  if (stewardRun.status !== 0 && stewardRun.status !== 1) {
    throw new Error(`steward check exited ${stewardRun.status}:\n${stewardRun.stderr || stewardRun.stdout}`.slice(0, 4000));
  }
  const indexOfSha = new Map(shas.map((sha, i) => [sha, i]));
  const report = JSON.parse(stewardRun.stdout);
  const stewardFailing = new Set();
  for (const f of report.findings) {
    if (f.rule !== 'commit-conventional' || f.severity !== 'error') continue;
    const index = f.commit ? indexOfSha.get(f.commit) ?? shas.findIndex((sha) => sha.startsWith(f.commit)) : -1;
    if (index < 0) throw new Error(`Steward reported a commit the history does not have: ${JSON.stringify(f)}`);
    stewardFailing.add(index);
  }
  if ((commitlintRun.status !== 0 && commitlintRun.status !== 1) || !commitlintRun.stdout.trim()) {
    throw new Error(`commitlint exited ${commitlintRun.status} without verdicts:\n${commitlintRun.stderr || commitlintRun.stdout}`.slice(0, 4000));
  }
  // commitlint prints no hashes; its results keep git log's order (newest first), with blank
  // messages dropped (there are none here). The header of each is checked against the history.
  const results = commitlintRun.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
  const commitlintFailing = new Set();
  results.forEach((result, k) => {
    const index = messages.length - 1 - k;
    if (headerOf(result.input) !== headerOf(messages[index] ?? '')) {
      throw new Error(`commitlint result ${k} is "${headerOf(result.input)}", expected commit ${index} "${headerOf(messages[index] ?? '')}"`);
    }
    if (!result.valid) commitlintFailing.add(index);
  });
  const linted = results.length;
  const differences = [];
  for (let i = 1; i < messages.length; i++) {
    const s = stewardFailing.has(i);
    const c = commitlintFailing.has(i);
    if (s !== c) differences.push({ sha: shas[i], steward: s ? 'fail' : 'pass', commitlint: c ? 'fail' : 'pass', message: messages[i] });
  }
  return { stewardFailing: stewardFailing.size, commitlintFailing: commitlintFailing.size, commitlintLinted: linted, differences };
}
