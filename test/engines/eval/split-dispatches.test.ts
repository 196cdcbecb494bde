import { describe, expect, it } from '@jest/globals';
import type { ShardPiece, ShardSpec } from '../../../src/engines/eval/shard-types.js';
import { DISPATCH_MAX_CHARS, splitDispatches } from '../../../src/engines/eval/split-dispatches.js';

function spec(shard: number, pieces = 1): ShardSpec {
  const list: ShardPiece[] = Array.from({ length: pieces }, (_, i) => ({ task: `mmlu_subject_${i}`, offset: i * 100, limit: 100, whole: false }));
  return {
    run: 'r1a2b3c4d5e6', shard, attempt: 1, suite: 'default', pool: 'a100', runsOn: ['self-hosted', 'a100'], sha: 'a'.repeat(40),
    command: 'lm_eval --model hf --model_args pretrained={model} --tasks {task} --offset {offset} --limit {limit} --output_path {output}',
    model: '.', format: 'lm-eval', timeoutMinutes: 360, pieces: list, artifact: `steward-r1a2b3c4d5e6-${shard}-1`,
  };
}

const inputLength = (group: ShardSpec[]): number => JSON.stringify(group).length;

describe('splitDispatches', () => {
  it('keeps a small run in one dispatch', () => {
    const specs = [spec(0), spec(1), spec(2)];
    expect(splitDispatches(specs)).toEqual([specs]);
    expect(splitDispatches([])).toEqual([]);
  });

  it('splits 1,000 shards into dispatches of at most 256 jobs and 60,000 characters, in order', () => {
    const specs = Array.from({ length: 1000 }, (_, i) => spec(i));
    const groups = splitDispatches(specs);
    expect(groups.flat()).toEqual(specs);
    for (const group of groups) {
      expect(group.length).toBeLessThanOrEqual(256);
      expect(inputLength(group)).toBeLessThanOrEqual(DISPATCH_MAX_CHARS);
    }
    // Each spec is ~470 characters, so characters, not jobs, bound a group: ~127 per dispatch.
    expect(groups.length).toBe(Math.ceil(1000 / groups[0]!.length));
    expect(groups[0]!.length).toBeGreaterThan(100);
  });

  it('stops at 256 jobs when specs are small', () => {
    const groups = splitDispatches(Array.from({ length: 600 }, (_, i) => spec(i)), { maxChars: 10_000_000 });
    expect(groups.map((g) => g.length)).toEqual([256, 256, 88]);
  });

  it('fills groups to the character limit exactly, never over', () => {
    const specs = Array.from({ length: 40 }, (_, i) => spec(i, 1 + (i % 7) * 5));
    for (const maxChars of [3000, 5000, 12_345]) {
      const groups = splitDispatches(specs, { maxChars });
      expect(groups.flat()).toEqual(specs);
      groups.forEach((group, i) => {
        expect(inputLength(group)).toBeLessThanOrEqual(maxChars);
        // Greedy: the next group's first spec would not have fitted.
        const next = groups[i + 1]?.[0];
        if (next) expect(inputLength([...group, next])).toBeGreaterThan(maxChars);
      });
    }
  });

  it('throws, naming the shard and the excess, when one spec alone is too large', () => {
    const huge = spec(7, 1000);
    const size = inputLength([huge]);
    expect(size).toBeGreaterThan(DISPATCH_MAX_CHARS);
    expect(() => splitDispatches([spec(0), huge])).toThrow(
      `shard 7 of run r1a2b3c4d5e6 (attempt 1) is ${size} characters as a dispatch input, ${size - DISPATCH_MAX_CHARS} over the 60000 one dispatch may carry; give suite "default" more shards (fewer pieces each) or a shorter command`,
    );
    expect(() => splitDispatches([huge])).toThrow(RangeError);
  });

  it('refuses limits that leave no room', () => {
    expect(() => splitDispatches([spec(0)], { maxJobs: 0 })).toThrow(/maxJobs a whole number ≥ 1/);
  });
});
