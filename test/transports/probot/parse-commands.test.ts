import { describe, expect, it } from '@jest/globals';
import { parseCommands } from '../../../src/transports/probot/parse-commands.js';

describe('parseCommands', () => {
  it.each([
    ['/steward recheck', [{ kind: 'recheck' }]],
    ['  /STEWARD ReCheck  ', [{ kind: 'recheck' }]],
    ['/steward waive pr-size vendored weights, reviewed', [{ kind: 'waive', rule: 'pr-size', reason: 'vendored weights, reviewed' }]],
    ['/steward waive Commit-Signoff "imported history"', [{ kind: 'waive', rule: 'commit-signoff', reason: 'imported history' }]],
    ['/steward waive labels', [{ kind: 'waive', rule: 'labels', reason: '' }]],
    ['/steward eval default', [{ kind: 'eval', suite: 'default' }]],
    ['/steward eval', [{ kind: 'eval', suite: null }]],
    ['/steward approve-eval', [{ kind: 'approve-eval', suite: null }]],
    ['/steward reconcile', [{ kind: 'reconcile' }]],
    ['/steward reconcile-everything', [{ kind: 'other', name: 'reconcile-everything' }]],
    ['Thanks!\r\n/steward recheck\r\nbye', [{ kind: 'recheck' }]],
  ])('reads %j', (body, expected) => {
    expect(parseCommands(body)).toEqual(expected);
  });

  it.each([
    ['a quoted command', '> /steward waive pr-size because\n\nI disagree'],
    ['a command inside a sentence', 'please run /steward recheck'],
    ['a command in a code block', 'Run this:\n```\n/steward recheck\n```'],
    ['a longer word', '/stewardship recheck'],
    ['an empty body', ''],
  ])('ignores %s', (_what, body) => {
    expect(parseCommands(body)).toEqual([]);
  });

  it('reads every command of a comment, in order', () => {
    expect(parseCommands('/steward waive pr-size big\n/steward waive labels ok\n')).toEqual([
      { kind: 'waive', rule: 'pr-size', reason: 'big' },
      { kind: 'waive', rule: 'labels', reason: 'ok' },
    ]);
  });

  it('accepts a null body', () => {
    expect(parseCommands(null)).toEqual([]);
  });
});
