/** renderCommand: placeholders filled, every value one shell argument, whatever it contains. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { renderCommand } from '../../../src/engines/eval/render-command.js';
import { propertyRuns } from '../../support/property-runs.js';

const values = { task: 'arc_easy', model: 'EleutherAI/pythia-14m', shard: 3, limit: 100, offset: 200, output: '/tmp/out dir' };

/** The arguments sh gives a command line: printf prints each on its own line, NUL-terminated. */
function shellArgs(commandLine: string): string[] {
  return execFileSync('sh', ['-c', `printf '%s\\0' ${commandLine}`], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('renderCommand', () => {
  it('fills every placeholder, each quoted', () => {
    const line = renderCommand('lm_eval --model hf --model_args pretrained={model} --tasks {task} --limit {limit} --offset {offset} --output_path {output} # {shard}', values);
    expect(line).toBe("lm_eval --model hf --model_args pretrained='EleutherAI/pythia-14m' --tasks 'arc_easy' --limit '100' --offset '200' --output_path '/tmp/out dir' # '3'");
    expect(shellArgs('pretrained={model} {output}'.replace(/\{(\w+)\}/g, (_, k: 'model' | 'output') => `'${values[k]}'`))).toEqual(['pretrained=EleutherAI/pythia-14m', '/tmp/out dir']);
  });

  it('keeps a hostile task name as one argument and runs nothing from it', () => {
    const line = renderCommand('{task} {output}', { ...values, task: "x; echo pwned; $(echo sub) `id` 'q' \"d\"", output: "it's" });
    expect(shellArgs(line)).toEqual(["x; echo pwned; $(echo sub) `id` 'q' \"d\"", "it's"]);
  });

  it('passes any string through sh unchanged (property)', () => {
    const arg = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));
    fc.assert(fc.property(arg, arg, (task, model) => {
      expect(shellArgs(renderCommand('{task} {model}', { ...values, task, model }))).toEqual([task, model]);
    }), propertyRuns(60));
  });

  it('names unknown placeholders and the ones it knows', () => {
    expect(() => renderCommand('run {task} --batch {batch_size} --dev {device} {batch_size}', values))
      .toThrow('unknown placeholders {batch_size}, {device}; use only {task}, {model}, {shard}, {limit}, {offset} and {output}');
  });

  it('leaves the shell\'s own ${VAR} alone', () => {
    expect(renderCommand('cd ${HOME} && run {task}', values)).toBe("cd ${HOME} && run 'arc_easy'");
  });
});
