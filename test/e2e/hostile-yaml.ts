/**
 * fast-check generators of hostile `.github/steward.yml` and model-card text: valid keys mixed with
 * what an attacker or a broken editor writes. `refuse: true` marks text no reader may accept (an
 * alias bomb, brackets nested past the limit, NUL and control bytes, tab indentation, duplicate or
 * reserved keys, a second document, over 1 MB); the rest (CRLF, lone CR, BOM, lone surrogates,
 * long scalars) may pass or fail, and the engine itself is the oracle for those.
 */
import fc from 'fast-check';

export interface HostileText {
  kind: string;
  text: string;
  refuse: boolean;
}

type Edit = (lines: string[]) => string;

// Settings that never change the verdict on a one-file `feat:` pull request.
const RULE_SETTINGS: fc.Arbitrary<string[]>[] = [
  fc.integer({ min: 2, max: 5000 }).map((n) => ['    pr-size:', `      max-files: ${n}`]),
  fc.constantFrom('off', 'notice', 'warning').map((s) => ['    draft:', `      severity: ${s}`]),
  fc.constantFrom('off', 'warning').map((s) => ['    branch-name:', `      severity: ${s}`]),
  fc.integer({ min: 72, max: 500 }).map((n) => ['    title-conventional:', `      header-max-length: ${n}`]),
  fc.constantFrom('"**/*.pem"', '"**/id_rsa"', '"secrets/**"').map((p) => ['    forbidden-paths:', `      paths: [${p}]`]),
];

const validConfigLines: fc.Arbitrary<string[]> = fc
  .subarray(RULE_SETTINGS.map((_, i) => i), { minLength: 1 })
  .chain((picked) => fc.tuple(...picked.map((i) => RULE_SETTINGS[i]!)))
  .map((settings) => ['# Steward settings', 'style:', '  rules:', ...settings.flat()]);

const at = (lines: string[], i: number, insert: string[]): string => [...lines.slice(0, i), ...insert, ...lines.slice(i)].join('\n');

function aliasBomb(width: number, depth: number, indent: string): string[] {
  const items = (name: string) => Array(width).fill(name).join(', ');
  const lines = [`${indent}bomb0: &a0 [${items('lol')}]`];
  for (let d = 1; d <= depth; d++) lines.push(`${indent}bomb${d}: &a${d} [${items(`*a${d - 1}`)}]`);
  return lines;
}

const binaryJunk = fc.uint8Array({ minLength: 16, maxLength: 512 }).map((bytes) => `\u0001${Buffer.from(bytes).toString('latin1')}`);

/** Edits that no reader may accept; each takes the valid lines and returns the file text. */
const REFUSED: [string, fc.Arbitrary<Edit>][] = [
  ['alias bomb', fc.tuple(fc.integer({ min: 6, max: 12 }), fc.integer({ min: 6, max: 9 })).map(([w, d]) => (l) => at(l, 1, aliasBomb(w, d, '')))],
  ['deep flow nesting', fc.integer({ min: 101, max: 20_000 }).map((n) => (l) => at(l, 1, [`deep: ${'['.repeat(n)}${']'.repeat(n)}`]))],
  ['NUL byte', fc.nat().map((n) => (l) => { const t = l.join('\n'); const i = n % t.length; return `${t.slice(0, i)}\u0000${t.slice(i)}`; })],
  ['binary-looking text', binaryJunk.map((junk) => (l) => at(l, 1, [junk]))],
  ['tab indentation', fc.constant((l: string[]) => l.map((line, i) => (i === 2 ? `\t${line.trimStart()}` : line)).join('\n'))],
  ['duplicate keys', fc.constant((l: string[]) => [...l, 'style:', '  rules: {}'].join('\n'))],
  ['reserved key', fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => (l) => at(l, 3, [`    ${k}:`, '      polluted: true']))],
  ['second document', fc.constant((l: string[]) => [...l, '---', 'style: {}'].join('\n'))],
  ['2 MB file', fc.constant((l: string[]) => [...l, `# ${'x'.repeat(2 * 1024 * 1024)}`].join('\n'))],
];

/** Edits a reader may accept or refuse, as long as it says which and stays up. */
const TOLERATED: [string, fc.Arbitrary<Edit>][] = [
  ['CRLF line ends', fc.constant((l: string[]) => l.join('\r\n'))],
  ['lone CR line ends', fc.constant((l: string[]) => l.join('\r'))],
  ['byte-order mark', fc.constant((l: string[]) => `\uFEFF${l.join('\n')}`)],
  ['lone surrogate in a comment', fc.constantFrom('\uD800', '\uDFFF', '\uDBFF\uDBFF').map((s) => (l) => at(l, 0, [`# ${s}`]))],
  ['lone surrogate in a value', fc.constantFrom('\uD800', '\uDC00').map((s) => (l) => at(l, 3, ['    title-conventional:', `      subject-pattern: "^${s}"`]))],
  ['tabs inside a value', fc.constant((l: string[]) => at(l, 3, ['    title-conventional:', '      subject-pattern: "a\tb"']))],
  ['huge comment under 1 MB', fc.integer({ min: 100_000, max: 900_000 }).map((n) => (l) => [...l, `# ${'y'.repeat(n)}`].join('\n'))],
  ['huge scalar', fc.integer({ min: 50_000, max: 500_000 }).map((n) => (l) => at(l, 3, ['    title-conventional:', `      subject-pattern: "${'z'.repeat(n)}"`]))],
  ['deep block nesting', fc.integer({ min: 20, max: 300 }).map((n) => (l) => at(l, 1, Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`)))],
  // Targets that do not exist (the oracle reads none): a missing repository, traversal, GraphQL-breaking quotes, a cycle.
  ['hostile _extends', fc.constantFrom(
    'Codertocat/missing', '../../../../etc/passwd', './../../.ssh/id_rsa.yml', 'Codertocat/Hello-World:a.yml@main\\") { id } #',
    'Codertocat/Hello-World:.github/steward.yml', '/absolute.yml', 'a/b/c/d', '@', ':',
  ).map((target) => (l) => at(l, 0, [`_extends: '${target}'`]))],
  ['a few aliases', fc.constant((l: string[]) => at(l, 3, ['    labels:', '      forbidden: &f [wip]', '      required-one-of: *f']))],
];

function hostile(cases: [string, fc.Arbitrary<Edit>][], base: fc.Arbitrary<string[]>, refuse: boolean): fc.Arbitrary<HostileText> {
  return fc.oneof(...cases.map(([kind, edit]) => fc.tuple(base, edit).map(([lines, apply]) => ({ kind, text: apply(lines), refuse }))));
}

/** Valid configs, refused ones and tolerated oddities, in about equal parts. */
export const hostileConfig: fc.Arbitrary<HostileText> = fc.oneof(
  validConfigLines.map((lines) => ({ kind: 'valid', text: `${lines.join('\n')}\n`, refuse: false })),
  hostile(REFUSED, validConfigLines, true),
  hostile(TOLERATED, validConfigLines, false),
);

// Cards: the same edits on the front matter of a Hub card, inside its --- fences.
const validFrontMatter: fc.Arbitrary<string[]> = fc
  .tuple(fc.constantFrom('en', 'fr', 'de'), fc.constantFrom('mit', 'apache-2.0', 'cc-by-4.0'), fc.array(fc.constantFrom('nlp', 'bert', 'text'), { maxLength: 3 }))
  .map(([language, license, tags]) => [`language: ${language}`, `license: ${license}`, `tags: [${tags.join(', ')}]`, 'library_name: transformers']);

const CARD_BODY = '\n# Bert\n\nA small model.\n';

function card(edit: Edit, lines: string[]): string {
  return `---\n${edit(lines)}\n---${CARD_BODY}`;
}

const CARD_REFUSED: [string, fc.Arbitrary<Edit>][] = [
  ...REFUSED.filter(([kind]) => !['second document', '2 MB file', 'tab indentation', 'duplicate keys'].includes(kind)),
  ['duplicate keys', fc.constant((l: string[]) => [...l, 'license: mit'].join('\n'))],
  ['tab indentation', fc.constant((l: string[]) => at(l, 1, ['model-index:', '\t- name: bert']))],
  ['front matter over 256 KB', fc.constant((l: string[]) => [...l, `# ${'x'.repeat(300 * 1024)}`].join('\n'))],
];

const CARD_TOLERATED: [string, fc.Arbitrary<Edit>][] = [
  ...TOLERATED.filter(([kind]) => !['lone surrogate in a value', 'tabs inside a value', 'huge scalar', 'a few aliases'].includes(kind)),
  ['lone surrogate in a value', fc.constantFrom('\uD800', '\uDC00').map((s) => (l) => at(l, 0, [`pipeline_tag: "${s}"`]))],
  ['huge scalar', fc.integer({ min: 50_000, max: 200_000 }).map((n) => (l) => at(l, 0, [`description: "${'z'.repeat(n)}"`]))],
];

/** Model-card text: valid cards, refused front matter, tolerated oddities, and 2 MB cards. */
export const hostileCard: fc.Arbitrary<HostileText> = fc.oneof(
  validFrontMatter.map((lines) => ({ kind: 'valid', text: card((l) => l.join('\n'), lines), refuse: false })),
  fc.tuple(fc.constantFrom(...CARD_REFUSED), validFrontMatter).chain(([[kind, edit], lines]) => edit.map((e) => ({ kind, text: card(e, lines), refuse: true }))),
  fc.tuple(fc.constantFrom(...CARD_TOLERATED), validFrontMatter).chain(([[kind, edit], lines]) => edit.map((e) => ({ kind, text: card(e, lines), refuse: false }))),
  validFrontMatter.map((lines) => ({ kind: '2 MB card body', text: `${card((l) => l.join('\n'), lines)}${'word '.repeat(400_000)}`, refuse: false })),
);
