import { describe, expect, it } from '@jest/globals';
import { makeFinding } from '../../../src/engines/findings.js';
import {
  escapeData, escapeProperty, formatAnnotation, formatCommand, formatOutput, guardLog,
} from '../../../src/transports/actions/workflow-commands.js';

describe('escapeData', () => {
  it.each([
    ['plain text', 'plain text'],
    ['100% sure', '100%25 sure'],
    ['line one\nline two', 'line one%0Aline two'],
    ['windows\r\nend', 'windows%0D%0Aend'],
    ['%0A stays literal', '%250A stays literal'],
    ['a: b, c', 'a: b, c'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeData(input)).toBe(expected);
  });
});

describe('escapeProperty', () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['C:\\repo,file', 'C%3A\\repo%2Cfile'],
    ['title: with, commas', 'title%3A with%2C commas'],
    ['50%\n', '50%25%0A'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeProperty(input)).toBe(expected);
  });
});

describe('formatCommand', () => {
  it('leaves out empty properties and escapes the rest', () => {
    expect(formatCommand('warning', { file: 'a,b.txt', line: 3, col: undefined, title: '' }, 'x\ny'))
      .toBe('::warning file=a%2Cb.txt,line=3::x%0Ay');
  });

  it('writes a bare command when there are no properties', () => {
    expect(formatCommand('error', {}, 'broken')).toBe('::error::broken');
  });

  it('cannot be made to start a second command from a hostile message', () => {
    const line = formatCommand('error', {}, 'ok\n::add-mask::secret');
    expect(line.split('\n')).toHaveLength(1);
  });
});

describe('formatAnnotation', () => {
  it('annotates a file finding on its line and column, with the hint', () => {
    const finding = makeFinding({
      check: 'style', rule: 'forbidden-paths', severity: 'error', message: 'secrets/key.pem is forbidden',
      path: 'secrets/key.pem', line: 1, column: 1, hint: 'git rm --cached secrets/key.pem',
    });
    expect(formatAnnotation(finding)).toBe(
      '::error title=Steward forbidden-paths,file=secrets/key.pem,line=1,col=1::secrets/key.pem is forbidden%0AHow to fix: git rm --cached secrets/key.pem',
    );
  });

  it('drops columns on a multi-line range, as the runner requires', () => {
    const finding = makeFinding({
      check: 'config', rule: 'schema', severity: 'warning', message: 'm', path: '.github/steward.yml', line: 2, endLine: 4, column: 3,
    });
    expect(formatAnnotation(finding)).toBe('::warning title=Steward schema,file=.github/steward.yml,line=2,endLine=4::m');
  });

  it('puts a commit finding on the run, naming the commit', () => {
    const finding = makeFinding({
      check: 'style', rule: 'commit-signoff', severity: 'notice', message: 'no sign-off', commit: '1a2b3c4d5e6f',
    });
    expect(formatAnnotation(finding)).toBe('::notice title=Steward commit-signoff::1a2b3c4: no sign-off');
  });

  it('does not name the commit twice', () => {
    const finding = makeFinding({
      check: 'style', rule: 'commit-signoff', severity: 'error', message: 'Commit 1a2b3c4 has no sign-off', commit: '1a2b3c4d5e6f',
    });
    expect(formatAnnotation(finding)).toBe('::error title=Steward commit-signoff::Commit 1a2b3c4 has no sign-off');
  });
});

describe('formatOutput', () => {
  it('writes the multi-line form', () => {
    expect(formatOutput('findings', '{\n"a": 1\n}', 'ghadelimiter_x')).toBe('findings<<ghadelimiter_x\n{\n"a": 1\n}\nghadelimiter_x\n');
  });

  it('refuses a value that contains the delimiter', () => {
    expect(() => formatOutput('findings', 'a\nghadelimiter_x\nevil=1', 'ghadelimiter_x')).toThrow(/delimiter/);
  });
});

describe('guardLog', () => {
  it('brackets text with stop-commands and the token', () => {
    expect(guardLog('::error::fake', 'tok')).toBe('::stop-commands::tok\n::error::fake\n::tok::');
  });
});
