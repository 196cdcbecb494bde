import { describe, expect, it } from '@jest/globals';
import { isUsageError } from '../../../src/platform/local/usage-error.js';
import { parseArgs, type FlagSpec } from '../../../src/transports/cli/parse-args.js';

const SPEC: Record<string, FlagSpec> = {
  base: { kind: 'string' },
  label: { kind: 'string', multiple: true },
  force: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
};

function parse(argv: string[]) {
  return parseArgs(argv, SPEC, 'check');
}

function failure(argv: string[]): string {
  try {
    parse(argv);
  } catch (error) {
    expect(isUsageError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, repeated flags, booleans and aliases', () => {
    expect(parse(['--base', 'main', '--label=a', '--label', 'b c', '--force', '-h'])).toEqual({
      flags: { base: 'main', label: ['a', 'b c'], force: true, help: true },
      positionals: [],
    });
  });

  it('keeps an empty value, values with "=" and a lone "-" (stdin)', () => {
    expect(parse(['--base=', '--label=k=v', '-']).flags).toEqual({ base: '', label: ['k=v'] });
    expect(parse(['-']).positionals).toEqual(['-']);
  });

  it('stops reading options after --', () => {
    expect(parse(['--force', '--', '--base', 'x'])).toEqual({ flags: { force: true }, positionals: ['--base', 'x'] });
  });

  it.each([
    [['--base'], '--base needs a value'],
    [['--base', '--force'], '--base needs a value'],
    [['--base', 'a', '--base', 'b'], '--base was given twice'],
    [['--force=no'], '--force takes no value'],
    [['--lable', 'x'], 'unknown option --lable for `steward check`; did you mean --label?'],
    [['--zzzzzz'], 'unknown option --zzzzzz for `steward check`'],
    [['-x'], 'unknown option -x'],
  ])('explains %p', (argv, message) => {
    expect(failure(argv)).toContain(message);
  });
});
