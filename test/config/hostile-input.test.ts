/** Hostile or broken files: each must give a clear finding, never an exception or a hang. */
import { describe, expect, it } from '@jest/globals';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { mergeConfig } from '../../src/config/merge-config.js';

const PATH = '.github/steward.yml';
const parse = (text: string) => parseConfigText({ origin: `acme/models:${PATH}`, path: PATH, text });
const brief = (text: string) => parse(text).findings.map((f) => ({ line: f.line, column: f.column, message: f.message }));

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const prev = 'abcdefgh'[i];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  'style: { rules: { labels: { forbidden: *i } } }',
  '',
].join('\n');

describe('hostile config files', () => {
  it('stops a billion-laughs alias bomb at the first alias', () => {
    expect(brief(BILLION_LAUGHS)).toEqual([
      { line: 2, column: 8, message: 'too many aliases: the config expands YAML aliases (*name) past the limit of 100' },
    ]);
  });

  it('refuses a 10 MB file before parsing it', () => {
    const text = `style:\n  rules:\n${'    # padding padding padding padding padding padding padding padding padding\n'.repeat(130_000)}`;
    expect(text.length).toBeGreaterThan(10_000_000);
    const parsed = parse(text);
    expect(parsed.data).toBeNull();
    expect(parsed.findings.map((f) => [f.line, f.message])).toEqual([[1, 'config is 10.1 MB; the limit is 1 MB']]);
  });

  it('counts bytes, not characters, against the limit', () => {
    expect(brief(`# ${'é'.repeat(600_000)}\n`)[0]!.message).toBe('config is 1.2 MB; the limit is 1 MB');
  });

  it('parses a wide file just under the limit quickly enough to finish (no quadratic duplicate check)', () => {
    const lines = Array.from({ length: 45_000 }, (_, i) => `  k${i}: ${i}`);
    const parsed = parse(`evaluation:\n${lines.join('\n')}\n  k7: again\n`);
    expect(parsed.findings.map((f) => [f.line, f.message])).toEqual([
      [45_002, "duplicate key 'k7' in evaluation (first written at line 9); YAML keeps only one of them"],
    ]);
  });

  it('refuses binary content and says where the first NUL byte is', () => {
    expect(brief('style:\n  ru\u0000les: {}\n')).toEqual([
      { line: 2, column: 5, message: 'config contains binary data (a NUL byte); YAML must be text' },
    ]);
    expect(brief('\u0089PNG\r\n\u001a\n')[0]!.message).toBe('config contains binary data (the control character U+001A); YAML must be text');
  });

  it('refuses a top level that is not a mapping, and reads an empty one as defaults', () => {
    expect(brief('- style\n- rules\n')).toEqual([
      { line: 1, column: 1, message: 'the config must be a mapping of keys such as style:, got a list' },
    ]);
    expect(brief('just some text\n')[0]!.message).toBe('the config must be a mapping of keys such as style:, got "just some text"');
    expect(brief('42')[0]!.message).toBe('the config must be a mapping of keys such as style:, got 42');
    expect(parse('~\n')).toEqual({ data: {}, findings: [], extends: null });
  });

  it('refuses deep nesting in brackets quickly, and in indentation without overflowing the stack', () => {
    expect(brief(`style: ${'['.repeat(500_000)}`)).toEqual([
      { line: 1, column: 108, message: 'config nests [ or { more than 100 levels deep' },
    ]);
    const block = Array.from({ length: 1_300 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n');
    expect(block.length).toBeLessThan(1_000_000);
    expect(parse(`evaluation:\n${block}\n`).findings[0]!.message).toBe('config is nested too deeply to read');
    const sequences = `reconcile: { x: ${'- '.repeat(3_000)}1 }`;
    expect(parse(sequences).data).toBeNull();
  });

  it('reports __proto__ and constructor keys and never lets them reach a prototype', () => {
    const text = 'model-cards:\n  __proto__: { polluted: true }\n  x: { constructor: { prototype: { polluted: true } } }\nstyle: { __proto__: { polluted: true } }\n';
    expect(brief(text)).toEqual([
      { line: 2, column: 3, message: "key '__proto__' in model-cards is not allowed" },
      { line: 3, column: 8, message: "key 'constructor' in model-cards.x is not allowed" },
      { line: 3, column: 23, message: "key 'prototype' in model-cards.x.constructor is not allowed" },
      { line: 4, column: 10, message: "key '__proto__' in style is not allowed" },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('merges data holding __proto__ without touching Object.prototype', () => {
    const hostile = JSON.parse('{"style": {"__proto__": {"polluted": true}}, "__proto__": {"polluted": true}}');
    const merged = mergeConfig({ style: {} }, hostile) as Record<string, Record<string, unknown>>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(merged.style)).toBe(Object.prototype);
    expect(merged.style!.polluted).toBeUndefined();
  });

  it('describes and locates only the first 50 of 45,000 unknown keys, and counts the rest', () => {
    const text = `style:\n${Array.from({ length: 45_000 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`;
    const findings = parse(text).findings;
    expect(findings).toHaveLength(51);
    expect(findings[0]).toMatchObject({ line: 2, column: 3, message: "unknown key 'k0' in style" });
    expect(findings[50]!.message).toBe('44950 more problems in this file not shown');
  });

  it('reports tabs used as indentation on their line', () => {
    expect(brief('style:\n\trules: {}\n')).toEqual([
      { line: 2, column: 1, message: 'YAML syntax error: tabs are not allowed as indentation' },
    ]);
  });

  it('reads a byte-order mark and CRLF line ends, keeping lines and columns as editors show them', () => {
    const text = '\uFEFFstyle:\r\n  rules:\r\n    pr-size: { max-files: many }\r\n';
    expect(brief(text)).toEqual([
      { line: 3, column: 27, message: 'style.rules.pr-size.max-files must be a whole number, got "many"' },
    ]);
    expect(parse('\uFEFFstyle:\r\n  except: { labels: [skip] }\r\n').data).toEqual({ style: { except: { labels: ['skip'] } } });
  });

  it('caps a flood of syntax errors', () => {
    const findings = parse('x: "a\n'.repeat(5_000) + ']]]] : : :\n'.repeat(5_000)).findings;
    expect(findings.length).toBeLessThanOrEqual(51);
    expect(findings[findings.length - 1]).toMatchObject({ line: null, column: null, message: expect.stringMatching(/^\d+ more problems in this file not shown$/) });
  });
});
