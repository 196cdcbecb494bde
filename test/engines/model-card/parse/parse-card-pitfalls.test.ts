/** YAML pitfalls and hostile input: what the Hub's reader (PyYAML, YAML 1.1) does, said with the line. */
import { describe, expect, it } from '@jest/globals';
import { parseCard } from '../../../../src/engines/model-card/parse-card.js';

const card = (yaml: string, body = '# Model\n') => parseCard(`---\n${yaml}---\n${body}`, 'README.md');
const brief = (text: string) =>
  parseCard(text, 'README.md').findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line, column: f.column, field: f.field }));

describe('front matter found as the Hub finds it', () => {
  it('accepts trailing spaces on the closing fence, CRLF, and an empty block', () => {
    expect(parseCard('---\nlicense: mit\n---  \nbody', 'x').frontMatter!.data).toEqual({ license: 'mit' });
    const crlf = parseCard('\r\n---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\nbody', 'x');
    expect(crlf.frontMatter!.data).toEqual({ license: 'mit', tags: ['a'] });
    expect(crlf.frontMatter!.locate('/tags/0')).toEqual({ line: 5, column: 3 });
    expect([crlf.frontMatter!.startLine, crlf.frontMatter!.endLine, crlf.bodyStartLine, crlf.body]).toEqual([3, 6, 7, 'body']);
    expect(parseCard('---\n\n---\n', 'x').frontMatter!.data).toEqual({});
  });

  it('takes the shortest block: a later --- belongs to the body', () => {
    const parsed = parseCard('---\na: 1\n---\ntext\n---\nb: 2\n', 'x');
    expect(parsed.frontMatter!.data).toEqual({ a: 1 });
    expect(parsed.body).toBe('text\n---\nb: 2\n');
  });

  it('says why two --- lines in a row are not metadata', () => {
    expect(parseCard('---\n---\n# x', 'x').findings[0]!.message).toMatch(/empty metadata block/);
  });

  it('treats a horizontal rule made of more dashes as no front matter', () => {
    expect(brief('-----\ntext\n')).toEqual([{ rule: 'card-front-matter', severity: 'warning', line: 1, column: 1, field: undefined }]);
  });
});

describe('YAML 1.1 readings', () => {
  it('reads yes/no/on/off as booleans, as PyYAML does, and warns outside language', () => {
    const parsed = card("gated: yes\ninference: Off\nflag: 'no'\nshort: y\nlanguage:\n- en\n- NO\n");
    expect(parsed.frontMatter!.data).toEqual({ gated: true, inference: false, flag: 'no', short: 'y', language: ['en', false] });
    expect(parsed.findings.map((f) => [f.severity, f.line, f.field])).toEqual([
      ['warning', 2, '/gated'], ['warning', 3, '/inference'], ['error', 8, '/language/1'],
    ]);
    expect(parsed.findings[0]!.message).toBe("the Hub reads `yes` as the boolean true (YAML 1.1); write 'yes' in quotes if you mean the text");
    expect(parsed.findings[0]!.hint).toBe("Quote it: gated: 'yes'");
  });

  it('leaves true/false alone and mentions base-60 and octal numbers', () => {
    const parsed = card('inference: true\nduration: 1:20\nmode: 0755\nyear: 2021\n');
    expect(parsed.frontMatter!.data).toEqual({ inference: true, duration: 80, mode: 493, year: 2021 });
    expect(parsed.findings.map((f) => [f.line, f.field, f.severity])).toEqual([[3, '/duration', 'warning'], [4, '/mode', 'warning']]);
    expect(parsed.findings[0]!.message).toMatch(/`1:20` as the number 80/);
  });
});

describe('YAML errors with positions', () => {
  it('reports every syntax error at its line', () => {
    const findings = parseCard('---\nlicense: mit\ntags: [a, b\nname: "x\n---\n', 'x').findings;
    expect(findings.length).toBeGreaterThanOrEqual(1);
    expect(findings.every((f) => f.rule === 'card-yaml' && f.severity === 'error' && f.line! >= 2)).toBe(true);
    expect(parseCard('---\nlicense: mit\ntags: [a, b\nname: "x\n---\n', 'x').frontMatter).toBeNull();
  });

  it('reports a duplicate key at the second one; the data keeps the last, as PyYAML does', () => {
    const parsed = card('license: mit\ntags: [a]\nlicense: apache-2.0\n');
    expect(brief('---\nlicense: mit\ntags: [a]\nlicense: apache-2.0\n---\n')).toEqual([
      { rule: 'card-yaml', severity: 'error', line: 4, column: 1, field: '/license' },
    ]);
    expect(parsed.findings[0]!.message).toMatch(/duplicate key 'license' \(first written at line 2\); the Hub's YAML reader keeps only the last one/);
    expect(parsed.frontMatter!.data).toEqual({ license: 'apache-2.0', tags: ['a'] });
    expect(parsed.frontMatter!.locate('/license')).toEqual({ line: 4, column: 10 });
  });

  it('reports tabs PyYAML refuses, not those in quotes, block scalars or comments', () => {
    const yaml = 'a: b\t\nb: "x\ty"\nc: |\n  x\ty\nd: e # c\td\nf:\n\t- g\n';
    const lines = parseCard(`---\n${yaml}---\n`, 'x').findings.filter((f) => /tab/.test(f.message)).map((f) => [f.line, f.column]);
    expect(lines).toEqual([[2, 5], [8, 1]]);
  });
});

describe('hostile input is refused with a finding, never a hang or a crash', () => {
  it('alias bombs', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    const started = performance.now();
    const parsed = card(levels.join('\n') + '\n');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parsed.frontMatter).toBeNull();
    expect(parsed.findings.map((f) => [f.rule, f.line])).toEqual([['card-yaml', 3]]);
    expect(parsed.findings[0]!.message).toMatch(/too many aliases/);
  });

  it('front matter over 256 KB', () => {
    const big = Array.from({ length: 30000 }, (_, i) => `key${i}: value`).join('\n') + '\n';
    const parsed = card(big);
    expect(parsed.frontMatter).toBeNull();
    expect(parsed.findings.map((f) => [f.rule, f.line])).toEqual([['card-front-matter', 2]]);
    expect(parsed.findings[0]!.message).toMatch(/256 KB/);
  });

  it('brackets nested thousands deep, NUL bytes and control characters', () => {
    expect(brief(`---\na: ${'['.repeat(5000)}\n---\n`)).toEqual([{ rule: 'card-yaml', severity: 'error', line: 2, column: 104, field: undefined }]);
    expect(brief('---\nlicense: mit\nname: a\u0000b\n---\n')).toEqual([{ rule: 'card-yaml', severity: 'error', line: 3, column: 8, field: undefined }]);
    expect(parseCard('\u0000\u0001binary', 'x').findings[0]!.rule).toBe('card-front-matter');
  });

  it('__proto__ keys stay data and pollute nothing', () => {
    const parsed = card('__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n');
    const data = parsed.frontMatter!.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed.frontMatter!.locate('/__proto__/polluted')).toEqual({ line: 3, column: 13 });
  });

  it('large mappings stay fast (no pairwise duplicate check)', () => {
    const yaml = Array.from({ length: 8000 }, (_, i) => `key${i}: value ${i}`).join('\n') + '\nkey7: again\n';
    const started = performance.now();
    const parsed = card(yaml);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(parsed.findings.map((f) => [f.line, f.field])).toEqual([[8002, '/key7']]);
  });
});

describe('locate', () => {
  it('finds values and keys through lists, and nothing for absent pointers', () => {
    const parsed = card('model-index:\n- name: m\n  results:\n  - task: {type: t}\n    dataset:\n      name: d\n');
    const fm = parsed.frontMatter!;
    expect(fm.locate('/model-index/0/results/0/dataset', { key: true })).toEqual({ line: 6, column: 5 });
    expect(fm.locate('/model-index/0/results/0/dataset')).toEqual({ line: 7, column: 7 });
    expect(fm.locate('/model-index/0/results/0/task/type')).toEqual({ line: 5, column: 18 });
    expect(fm.locate('/model-index/1')).toBeNull();
    expect(fm.locate('/nope')).toBeNull();
    expect(fm.locate('no-slash')).toBeNull();
  });

  it('points an empty value at its key', () => {
    expect(card('license:\ntags: []\n').frontMatter!.locate('/license')).toEqual({ line: 2, column: 1 });
  });
});
