#!/usr/bin/env node
/**
 * `npm run demo`: builds a throwaway git history from examples/sample-model-repo, with a feature
 * branch that breaks some rules and keeps others, then runs `steward check` on it. Then it copies
 * examples/eval-suite (a tiny real model and its test sets) and runs `steward eval run` twice: the
 * model on the default branch (the baseline), and a pruned version of it on a branch, compared.
 *
 * Needs git and a build (`npm run build`); no git identity, network or GitHub account. The demo
 * exits 0 when Steward ran, whatever it found: finding problems is the point.
 * Pass --keep to leave the repository in place to poke at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pull request's description, as a contributor might write it: no Testing section, a task left open. */
const DESCRIPTION = '## Summary\n\nAdds IMDB evaluation results and the PyTorch weights.\n\n- [x] updated the card\n- [ ] ran the evaluation again\n';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sample = path.join(root, 'examples', 'sample-model-repo');
const bin = path.join(root, 'bin', 'steward.js');
const keep = process.argv.includes('--keep');

const MAINTAINER = { name: 'Mira Maintainer', email: 'mira@example.org' };
const CONTRIBUTOR = 'Casey Contributor <casey@example.org>';
const SIGN_OFF = `Signed-off-by: ${MAINTAINER.name} <${MAINTAINER.email}>`;

if (!existsSync(path.join(root, 'lib', 'transports', 'cli', 'main.js'))) {
  console.error('Steward is not built yet: run `npm run build` first (or `npm run demo`, which builds).');
  process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-demo-'));
try {
  buildHistory(dir);
  const code = runSteward(dir);
  process.exitCode = code === 2 ? 1 : 0;
} finally {
  if (keep) console.log(`\nThe demo repository is kept at ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

const evalDir = mkdtempSync(path.join(os.tmpdir(), 'steward-eval-demo-'));
try {
  if (runEvalDemo(evalDir)) process.exitCode = 1;
} finally {
  if (keep) console.log(`\nThe evaluation demo repository is kept at ${evalDir}`);
  else rmSync(evalDir, { recursive: true, force: true });
}

function git(args, options = {}) {
  return execFileSync('git', args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], ...options }).toString();
}

function write(file, content) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
}

function commit(message, { author } = {}) {
  git(['add', '-A']);
  git(['commit', '-q', ...(author ? [`--author=${author}`] : []), '-F', '-'], { input: message });
}

function buildHistory(target) {
  console.log(`Building a sample model repository in ${target}\n`);
  cpSync(sample, target, { recursive: true });
  // `git init -b` needs git 2.28; symbolic-ref names the branch on any version.
  git(['init', '-q']);
  git(['symbolic-ref', 'HEAD', 'refs/heads/main']);
  // A fresh machine may have no identity and a global config that signs or runs hooks: this repository decides.
  for (const [key, value] of [['user.name', MAINTAINER.name], ['user.email', MAINTAINER.email],
    ['commit.gpgsign', 'false'], ['core.hooksPath', path.join(target, '.git', 'no-hooks')], ['core.autocrlf', 'false']]) {
    git(['config', key, value]);
  }
  // What git stores for LFS-tracked weights is a pointer (written here so Steward's own clone never holds one).
  write('model.safetensors', 'version https://git-lfs.github.com/spec/v1\n'
    + 'oid sha256:7d4c4a8e1f3b2a9c0e5d6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c\nsize 267832560\n');
  commit(`chore: import tiny-sentiment\n\n${SIGN_OFF}`);

  git(['checkout', '-q', '-b', 'eval/imdb-results']);
  step('docs(card): add IMDB evaluation results', 'good: conventional and signed off');
  write('README.md', `${readSample('README.md')}\nEvaluated on 25,000 test reviews with a batch size of 64.\n`);
  commit(`docs(card): add IMDB evaluation results\n\n${SIGN_OFF}`);

  step('updated tokenizer', 'bad: not a Conventional Commit, and no Signed-off-by');
  write('tokenizer_config.json', readSample('tokenizer_config.json').replace('"model_max_length": 512', '"model_max_length": 384'));
  commit('updated tokenizer\n\nShorter sequences are faster on CPU.', { author: CONTRIBUTOR });

  step('chore: add the upload key', 'bad: secrets/token.pem is a forbidden path');
  write('secrets/token.pem', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC (demo, not a real key)\n-----END PRIVATE KEY-----\n');
  commit(`chore: add the upload key\n\n${SIGN_OFF}`);

  step('feat: add PyTorch weights', 'bad: a 2 MB pytorch_model.bin committed without Git LFS');
  write('pytorch_model.bin', pseudoRandomBytes(2 * 1024 * 1024));
  commit(`feat: add PyTorch weights\n\n${SIGN_OFF}`);

  step('fixup! docs(card): add IMDB evaluation results', 'a fixup! commit, to be squashed; it misspells the card\'s license');
  const misspelled = readSample('README.md').replace('license: apache-2.0', 'license: Apache 2.0');
  write('README.md', `${misspelled}\nEvaluated on 25,000 test reviews with a batch size of 32.\n`);
  commit(`fixup! docs(card): add IMDB evaluation results\n\n${SIGN_OFF}`);

  step('fix(config): name the labels', 'good: conventional and signed off');
  write('config.json', readSample('config.json').replace('"problem_type"', '"finetuning_task": "sst2",\n  "problem_type"'));
  commit(`fix(config): name the labels\n\n${SIGN_OFF}`);
  console.log('');
}

function step(message, why) {
  console.log(`  commit  ${message.padEnd(50)} ${why}`);
}

function readSample(file) {
  return readFileSync(path.join(sample, file), 'utf8');
}

/** The same bytes on every run (a linear congruential generator), so the demo's output is stable. */
function pseudoRandomBytes(size) {
  const bytes = Buffer.alloc(size);
  let state = 0x2545f491;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function runSteward(target) {
  const body = path.join(target, '.git', 'PR_DESCRIPTION.md');
  writeFileSync(body, DESCRIPTION);
  const args = ['check', '--repo', target, '--title', 'Add evaluation results and weights', '--body-file', body];
  console.log(`$ steward ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
  const code = result.status ?? 2;
  const meaning = {
    0: 'no error-severity finding',
    1: 'at least one error-severity finding, as the demo intends',
    2: 'a usage, config or runtime error: the demo itself went wrong',
  }[code] ?? 'an unexpected exit code';
  console.log(`\nsteward check exited with ${code}: ${meaning}.`);
  if (code !== 2) console.log('The demo exits 0: Steward ran and reported what it found.');
  return code;
}

/** The evaluation demo; true when Steward itself went wrong (exit 2). */
function runEvalDemo(target) {
  console.log(`\n${'─'.repeat(72)}\nEvaluation: copying examples/eval-suite into ${target}\n`);
  cpSync(path.join(root, 'examples', 'eval-suite'), target, { recursive: true, filter: (src) => !/[\\/](\.steward|results)$/.test(src) });
  const gitIn = (args) => execFileSync('git', args, { cwd: target, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
  gitIn(['init', '-q']);
  gitIn(['symbolic-ref', 'HEAD', 'refs/heads/main']);
  for (const [key, value] of [['user.name', MAINTAINER.name], ['user.email', MAINTAINER.email],
    ['commit.gpgsign', 'false'], ['core.hooksPath', path.join(target, '.git', 'no-hooks')], ['core.autocrlf', 'false']]) {
    gitIn(['config', key, value]);
  }
  gitIn(['add', '-A']);
  gitIn(['commit', '-q', '-m', `chore: import the example suite\n\n${SIGN_OFF}`]);
  console.log('On main: the naive Bayes model of model/weights.json, run as the baseline.');
  const first = runEval(target, ['--baseline']);
  gitIn(['checkout', '-q', '-b', 'try/pruned-model']);
  console.log('\nOn branch try/pruned-model: model/weights-v2.json keeps only the 60 most frequent features per');
  console.log('task (a 34 times smaller file). Is it as good? Steward compares it with the baseline.');
  const second = runEval(target, ['--model', 'model/weights-v2.json']);
  console.log(`\nThe first run exited ${first}, the second ${second} (1: a regression against the baseline, as the demo intends).`);
  return first === 2 || second === 2;
}

function runEval(target, extra) {
  const args = ['eval', 'run', '--repo', target, ...extra];
  console.log(`\n$ steward ${args.join(' ')}\n`);
  // DATABASE_URL may point at a shared database (CI sets one): the demo keeps its runs in the copy.
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: '' } });
  return result.status ?? 2;
}
