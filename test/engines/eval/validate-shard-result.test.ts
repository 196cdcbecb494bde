/** validateShardResult: artifacts are untrusted, so every problem is reported with its pointer and nothing throws. */
import { describe, expect, it } from '@jest/globals';
import { validateShardResult } from '../../../src/engines/eval/validate-shard-result.js';
import { failedPiece, metric, okPiece, shardResult } from './aggregate-fixtures.js';

const valid = () => JSON.parse(JSON.stringify(shardResult(3, [
  okPiece('arc_easy', 0, 500, { 'acc,none': metric(0.81, 0.017, 500), 'acc_norm,none': metric(0.78, null, 500) }),
  failedPiece('hellaswag', 0, 2000, 'timed-out', 'timed out after 360 min'),
]))) as Record<string, unknown>;

function problemsOf(json: unknown): string[] {
  const result = validateShardResult(json);
  return result.ok ? [] : result.problems;
}

describe('validateShardResult', () => {
  it('accepts a well-formed artifact and hands back its content', () => {
    const result = validateShardResult(valid());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.result.pieces[0]!.metrics['acc,none']!.value).toBe(0.81);
  });

  it('reports each problem with its JSON pointer, not only the first', () => {
    const json = valid();
    const pieces = json.pieces as Record<string, unknown>[];
    pieces[0]!.status = 'done';
    (pieces[0]!.metrics as Record<string, Record<string, unknown>>)['acc,none']!.n = -1;
    delete json.pool;
    json.extra = true;
    const problems = problemsOf(json);
    expect(problems).toEqual(expect.arrayContaining([
      '/pieces/0/status: must be one of "ok", "failed", "timed-out", "invalid".',
      expect.stringMatching(/^\/pieces\/0\/metrics\/acc,none\/n: must be >= 0/),
      '/: is missing "pool".',
      '/: has unknown key "extra"; remove it.',
    ]));
  });

  it('escapes "/" and "~" of metric names in the pointer', () => {
    const json = valid();
    const metrics = (json.pieces as Record<string, Record<string, unknown>>[])[0]!.metrics as Record<string, unknown>;
    metrics['f1/macro~x'] = { value: 'high', stderr: null, n: 1, higherIsBetter: true };
    expect(problemsOf(json)).toEqual(['/pieces/0/metrics/f1~1macro~0x/value: must be number.']);
  });

  it('refuses the wrong format version, run ids with other characters, negative stderr and bad timestamps', () => {
    const json = valid();
    json.format = 'steward-shard/2';
    json.run = 'R1;rm -rf';
    json.startedAt = 'yesterday';
    const metrics = (json.pieces as Record<string, Record<string, Record<string, unknown>>>[])[0]!.metrics!;
    metrics['acc,none']!.stderr = -0.1;
    const problems = problemsOf(json);
    expect(problems).toContain('/format: must be "steward-shard/1".');
    expect(problems.some((p) => p.startsWith('/run: must match pattern'))).toBe(true);
    expect(problems.some((p) => p.startsWith('/startedAt: must match format "date-time"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('/pieces/0/metrics/acc,none/stderr: must be >= 0'))).toBe(true);
  });

  it('checks what the schema cannot: overflowing ranges, pieces run twice, metrics on failed pieces, time order, non-finite numbers', () => {
    const json = shardResult(0, [
      okPiece('a', Number.MAX_SAFE_INTEGER - 1, 5, {}),
      okPiece('b', 0, 10, { 'acc,none': metric(Infinity, NaN, 10) }),
      okPiece('b', 0, 10, {}),
      { ...failedPiece('c', 0, 10, 'failed', 'exit 1'), metrics: { 'acc,none': metric(1, 0, 10) } },
      { ...failedPiece('d', 0, 10, 'invalid', 'x'), error: null },
    ]);
    json.finishedAt = '2026-11-28T09:00:00.000Z';
    const problems = problemsOf(json);
    // NaN and Infinity cannot come from JSON.parse; a caller passing objects still gets them refused.
    expect(problems.some((p) => p.startsWith('/pieces/1/metrics/acc,none/value: must be number'))).toBe(true);
    const semantic = problemsOf(JSON.parse(JSON.stringify({ ...json, pieces: json.pieces.filter((p) => p.task !== 'b' || p.metrics['acc,none'] === undefined) })));
    expect(semantic).toEqual([
      '/pieces/0: offset + limit (9007199254740990 + 5) is beyond the largest safe integer.',
      '/pieces/2/metrics: a piece with status "failed" must have no metrics.',
      '/pieces/3/error: a piece with status "invalid" must say what went wrong.',
      '/finishedAt: is before /startedAt.',
    ]);
    const twice = problemsOf(shardResult(0, [okPiece('b', 0, 10, {}), okPiece('b', 0, 10, {})]));
    expect(twice).toEqual(['/pieces/1: task "b" at offset 0 (limit 10) appears twice.']);
  });

  it('refuses artifacts beyond the size limits before walking them', () => {
    const many = shardResult(0, Array.from({ length: 10_001 }, (_, i) => okPiece('t', i, 1, {})));
    expect(problemsOf(many)).toEqual(['/pieces: has 10001 pieces; at most 10000 are accepted. Split the suite into more shards.']);
    const metrics = Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`m${i}`, metric(0.5, null, 1)]));
    expect(problemsOf(shardResult(0, [okPiece('t', 0, 1, metrics)]))).toEqual(['/pieces/0/metrics: has more than 1000 metrics; report fewer metrics per task.']);
    const long = shardResult(0, [{ ...failedPiece('t', 0, 1, 'failed', 'x'.repeat(4_097)) }]);
    expect(problemsOf(long)).toEqual(['/pieces/0/error: must NOT have more than 4096 characters.']);
  });

  it('checks the largest accepted artifact quickly (10,000 pieces of 20 metrics)', () => {
    const metrics = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`m${i},none`, metric(0.5, 0.01, 100)]));
    const json = JSON.parse(JSON.stringify(shardResult(0, Array.from({ length: 10_000 }, (_, i) => okPiece('t', i * 100, 100, metrics)))));
    const started = performance.now();
    expect(validateShardResult(json).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('lists at most 50 problems and counts the rest', () => {
    const json = shardResult(0, Array.from({ length: 80 }, (_, i) => ({ ...okPiece('t', i, 1, {}), seconds: -1 })));
    const problems = problemsOf(json);
    expect(problems).toHaveLength(51);
    expect(problems[50]).toBe('… and 30 more problems.');
  });

  it.each([null, 42, 'text', [], { pieces: 'x' }, { pieces: [null] }, { pieces: [{ metrics: null }] }])('never throws on %j', (json) => {
    const result = validateShardResult(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  });
});
