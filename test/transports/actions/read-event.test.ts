import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { readEventRange } from '../../../src/transports/actions/read-event.js';
import { getInput, InputError, readCheckInputs } from '../../../src/transports/actions/read-inputs.js';

const require = createRequire(import.meta.url);
type Example = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const webhooks = require('@octokit/webhooks-examples') as { name: string; examples: Example[] }[];
const example = (name: string, pick: (e: Example) => boolean): Example =>
  structuredClone(webhooks.find((w) => w.name === name)!.examples.find(pick)!);

describe('readEventRange', () => {
  it('takes the range and the metadata git lacks from pull_request.opened', () => {
    const payload = example('pull_request', (e) => e.action === 'opened');
    payload.pull_request.labels = [{ name: 'docs' }];
    payload.pull_request.draft = true;
    const range = readEventRange('pull_request', payload);
    expect(range).toMatchObject({
      base: payload.pull_request.base.sha,
      head: payload.pull_request.head.sha,
      repository: 'Codertocat/Hello-World',
      skip: false,
      pr: {
        number: 2, title: 'Update the README with new information.', labels: ['docs'], draft: true,
        author: { login: 'Codertocat', type: 'User', association: 'OWNER' }, headRef: 'changes', baseRef: 'master',
      },
    });
  });

  it('checks before..after on push', () => {
    // The examples hold only created and deleted refs: turn a created branch into an update.
    const payload = example('push', (e) => e.ref === 'refs/heads/master' && e.created);
    Object.assign(payload, { before: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', created: false });
    expect(readEventRange('push', payload)).toMatchObject({ base: payload.before, head: payload.after, pr: null, skip: false });
  });

  it('checks a new branch against the default branch as actions/checkout fetched it', () => {
    const payload = example('push', (e) => e.ref === 'refs/heads/master' && e.created);
    Object.assign(payload, { ref: 'refs/heads/feat/x' });
    const range = readEventRange('push', payload);
    expect(range).toMatchObject({ base: 'origin/master', head: payload.after, skip: false });
    expect(range.note).toBe(`push: new branch, checking ${payload.after.slice(0, 7)} against its merge base with origin/master.`);
  });

  it('lets the adapter choose when the new branch is the default branch itself', () => {
    const payload = example('push', (e) => e.ref === 'refs/heads/master' && e.created);
    expect(readEventRange('push', payload)).toMatchObject({ base: null, head: payload.after });
  });

  it('skips a deleted branch', () => {
    const range = readEventRange('push', { before: 'a'.repeat(40), after: '0'.repeat(40), deleted: true });
    expect(range.skip).toBe(true);
  });

  it('says what it checks on an event without a range', () => {
    const range = readEventRange('workflow_dispatch', {});
    expect(range).toMatchObject({ base: 'HEAD~1', head: 'HEAD' });
    expect(range.note).toMatch(/workflow_dispatch.*HEAD~1\.\.HEAD.*`base` and `head` inputs/);
  });

  it('reads a merge group', () => {
    const range = readEventRange('merge_group', { merge_group: { base_sha: 'b'.repeat(40), head_sha: 'c'.repeat(40) } });
    expect(range).toMatchObject({ base: 'b'.repeat(40), head: 'c'.repeat(40) });
  });
});

describe('readCheckInputs', () => {
  it('reads dashed names the way the runner writes them', () => {
    expect(getInput({ 'INPUT_SARIF-FILE': ' out.sarif ' }, 'sarif-file')).toBe('out.sarif');
  });

  it('applies the documented defaults', () => {
    expect(readCheckInputs({})).toEqual({ config: '.github/steward.yml', format: 'text', sarifFile: null, failOn: 'error', base: null, head: null });
  });

  it('names the input and the accepted values when one is wrong', () => {
    expect(() => readCheckInputs({ 'INPUT_FAIL-ON': 'sometimes' })).toThrow(InputError);
    expect(() => readCheckInputs({ 'INPUT_FAIL-ON': 'sometimes' })).toThrow('Input "fail-on" is "sometimes"; use one of error, warning, never');
  });
});
