/**
 * A 10,000-commit linear history with the mix of messages real repositories have: mostly
 * Conventional Commits (with scopes, multi-line bodies, footers, breaking changes), some broken ones,
 * fixup!/squash! commits, reverts and merge-style messages. Built with `git fast-import` (seconds,
 * not minutes) and cached under bench/.work/, keyed by the generator version.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GENERATOR_VERSION = 4;
const TYPES = ['feat', 'fix', 'docs', 'chore', 'refactor', 'test', 'perf', 'ci', 'build', 'style'];
const SCOPES = ['api', 'cli', 'cards', 'eval', 'tokenizer', 'config', 'deps', 'docs', ''];
const VERBS = ['add', 'handle', 'remove', 'update', 'support', 'document', 'speed up', 'simplify', 'guard', 'rename'];
const NOUNS = ['retry on 502', 'null token', 'shard planner', 'model card loader', 'eval cache', 'tokenizer padding',
  'config merge', 'license field', 'progress bar', 'lfs pointer check', 'fork list', 'hf hub upload'];
const BODY = 'The previous behaviour dropped the last batch when the sample count was not a multiple of the shard size, which skewed the scores.';

/** Deterministic PRNG (mulberry32): the same history on every machine. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** One message; `n` makes every message unique so commitlint's output maps back to a commit. */
export function makeMessage(rnd, n) {
  const type = pick(rnd, TYPES);
  const scope = pick(rnd, SCOPES);
  const subject = `${pick(rnd, VERBS)} ${pick(rnd, NOUNS)} (#${n})`;
  const header = `${type}${scope ? `(${scope})` : ''}: ${subject}`;
  const roll = rnd();
  if (roll < 0.45) return header;
  if (roll < 0.62) return `${header}\n\n${wrap(BODY, 72)}`;
  if (roll < 0.68) return `${header}\n\n${wrap(BODY, 72)}\n\nRefs: #${n % 97}\nSigned-off-by: Ada Lovelace <ada@example.org>`;
  if (roll < 0.71) return `${type}${scope ? `(${scope})` : ''}!: ${subject}\n\nBREAKING CHANGE: the ${pick(rnd, NOUNS)} option is gone`;
  if (roll < 0.73) return `${header}\n${BODY.slice(0, 60)}`; // body without a blank line: a warning only
  if (roll < 0.76) return `fixup! ${header}`;
  if (roll < 0.77) return `squash! ${header}`;
  if (roll < 0.79) return `Revert "${header}"\n\nThis reverts commit ${(n * 2654435761 >>> 0).toString(16).padStart(8, '0')}${'0'.repeat(32)}.`;
  if (roll < 0.81) return `Merge branch 'feature/${scope || 'misc'}-${n}'`;
  if (roll < 0.84) return makeOddMessage(rnd, n, header, type, subject);
  return makeBadMessage(rnd, n, type, scope, subject);
}

/** Messages where two linters could disagree: line endings, footers, ignores, Unicode, whitespace. */
function makeOddMessage(rnd, n, header, type, subject) {
  const odd = [
    () => `${header}\r\n\r\nWindows line endings in the body.\r\n`,
    () => `Merge pull request #${n} from org/feature-${n}`,
    () => `v1.${n % 20}.${n}`,                                                     // semver only: ignored
    () => `chore(release): 1.${n % 20}.${n}`,
    () => `${header}\n\nFixes the padding.\nRefs #${n} ${'and a long reference line '.repeat(4)}`,  // a reference starts the footer
    () => `${type}: ✨ ${subject} 日本語`,
    () => `${header}   `,                                                          // trailing spaces
    () => `  ${header}`,                                                           // leading spaces
    () => `${header}\n\nBREAKING CHANGE: ${'the old flag is removed '.repeat(5)}`,  // footer over 100
    () => `${header}\n\n# not a comment for git log, kept by fast-import`,
    () => `Revert "${header}"`,                                                    // revert without the hash line
    () => `${header}\n\nCo-authored-by: Grace Hopper <grace@example.org>\nSigned-off-by: Ada Lovelace <ada@example.org>`,
  ];
  return pick(rnd, odd)();
}

function makeBadMessage(rnd, n, type, scope, subject) {
  const bad = [
    () => `Update ${pick(rnd, NOUNS)} ${n}`,                                   // no type
    () => `feature: ${subject}`,                                               // type not allowed
    () => `${type}: ${subject[0].toUpperCase()}${subject.slice(1)}`,           // sentence case
    () => `${type}(${scope || 'api'}): ${subject}.`,                           // full stop
    () => `${type}: ${subject} ${'and more '.repeat(12)}`.trim(),              // header over 100
    () => `${type}: ${subject}\n\n${BODY} ${BODY}`,                            // body line over 100
    () => `${type.toUpperCase()}: ${subject}`,                                 // type case
    () => `${type}:${subject}`,                                                // no space: unparsed
    () => `WIP ${n}`,
    () => `${type}(${scope || 'cli'}): `,                                      // empty subject
  ];
  return pick(rnd, bad)();
}

/** The fast-import stream: one file changed per commit, 64 files in all, fixed dates. */
function fastImportStream(messages) {
  const parts = [];
  const start = 1_600_000_000;
  messages.forEach((message, i) => {
    const when = `${start + i * 600} +0000`;
    const data = Buffer.from(message, 'utf8');
    const file = `src/module-${i % 64}.txt`;
    const content = `revision ${i}\n`;
    parts.push(
      `commit refs/heads/main\nmark :${i + 1}\n`,
      `author Ada Lovelace <ada@example.org> ${when}\ncommitter Ada Lovelace <ada@example.org> ${when}\n`,
      `data ${data.length}\n`, data, '\n',
      i === 0 ? '' : `from :${i}\n`,
      `M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
  });
  return Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p, 'utf8'))));
}

/** Returns { dir, messages, shas } for a cached (or new) repository of `count` commits. */
export function makeHistory(workDir, count = 10_000) {
  const dir = join(workDir, `history-${count}`);
  const stamp = join(dir, '.bench-stamp.json');
  const rnd = random(20240501);
  const messages = Array.from({ length: count }, (_, i) => (i === 0 ? 'chore: initial commit' : makeMessage(rnd, i)));
  const expected = JSON.stringify({ version: GENERATOR_VERSION, count });
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== expected) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    const result = spawnSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: fastImportStream(messages) });
    if (result.status !== 0) throw new Error(`git fast-import failed: ${result.stderr}`);
    execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'main']);
    writeFileSync(stamp, expected);
  }
  const shas = execFileSync('git', ['-C', dir, 'rev-list', '--reverse', 'main'], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim().split('\n');
  if (shas.length !== count) throw new Error(`expected ${count} commits in ${dir}, found ${shas.length}; delete bench/.work and rerun`);
  return { dir, messages, shas };
}
