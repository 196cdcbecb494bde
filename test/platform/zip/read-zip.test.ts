/** readZip on real zips (ours, and the system `zip` CLI's) and on the lies an attacker's artifact would tell. */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { readZip } from '../../../src/platform/zip/read-zip.js';
import { ArtifactError } from '../../../src/platform/github/artifact-error.js';
import { makeZip } from '../../support/make-zip.js';
import { propertyRuns } from '../../support/property-runs.js';

const LIMITS = { maxZipBytes: 1_000_000, maxFiles: 10, maxFileBytes: 100_000 };
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

function refusal(run: () => unknown): ArtifactError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArtifactError) return error;
    throw error;
  }
  throw new Error('expected an ArtifactError, but the zip was read');
}

function hasZipCli(): boolean {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('readZip: reading', () => {
  it('reads stored, deflated and streamed entries, skips directories', () => {
    const json = JSON.stringify({ shard: 3, pieces: [] });
    const zip = makeZip([
      { name: 'out/', data: '' },
      { name: 'out/steward-shard.json', data: json },
      { name: 'out/log.txt', data: 'line\n'.repeat(500), method: 'stored' },
      { name: 'results_2026.json', data: '{"results":{}}', dataDescriptor: true },
    ], { comment: 'made by a test' });
    const files = readZip(zip, LIMITS);
    expect(files.map((f) => f.path)).toEqual(['out/steward-shard.json', 'out/log.txt', 'results_2026.json']);
    expect(text(files[0]!.bytes)).toBe(json);
    expect(text(files[1]!.bytes)).toBe('line\n'.repeat(500));
    expect(text(files[2]!.bytes)).toBe('{"results":{}}');
  });

  (hasZipCli() ? it : it.skip)('reads a zip made by the system zip CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-zip-'));
    try {
      mkdirSync(join(dir, 'src', 'nested'), { recursive: true });
      writeFileSync(join(dir, 'src', 'steward-shard.json'), '{"ok":true}');
      writeFileSync(join(dir, 'src', 'nested', 'big.txt'), 'abc'.repeat(10_000));
      writeFileSync(join(dir, 'src', 'empty.txt'), '');
      execFileSync('zip', ['-r', '-q', join(dir, 'a.zip'), '.'], { cwd: join(dir, 'src') });
      const files = readZip(new Uint8Array(readFileSync(join(dir, 'a.zip'))), LIMITS);
      const byPath = new Map(files.map((f) => [f.path, text(f.bytes)]));
      expect([...byPath.keys()].sort()).toEqual(['empty.txt', 'nested/big.txt', 'steward-shard.json']);
      expect(byPath.get('nested/big.txt')).toBe('abc'.repeat(10_000));
      expect(byPath.get('steward-shard.json')).toBe('{"ok":true}');
      expect(byPath.get('empty.txt')).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives back exactly the files written, whatever their names and contents', () => {
    const name = fc.array(fc.stringMatching(/^[a-z0-9_.-]{1,8}$/).filter((s) => s !== '..'), { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
    const entry = fc.record({ name, data: fc.uint8Array({ maxLength: 2000 }), method: fc.constantFrom('stored' as const, 'deflated' as const) });
    fc.assert(fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 10 }), (entries) => {
      const names = entries.map((e) => e.name);
      fc.pre(!names.some((n) => names.some((m) => m.startsWith(`${n}/`))));
      const files = readZip(makeZip(entries), LIMITS);
      expect(files.map((f) => [f.path, Buffer.from(f.bytes)])).toEqual(entries.map((e) => [e.name, Buffer.from(e.data)]));
    }), propertyRuns(100));
  });
});

describe('readZip: refusing', () => {
  it.each([
    ['../outside.json', 'climbs out'],
    ['results/../../etc/cron.d/x', 'climbs out'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/evil.dll', 'absolute'],
    ['results\\..\\..\\evil', 'backslash'],
    ['ok.json\u0000.sh', 'NUL'],
  ])('refuses the entry name %j (unsafe-path)', (name, why) => {
    const error = refusal(() => readZip(makeZip([{ name: 'fine.json', data: '{}' }, { name, data: 'x' }]), LIMITS));
    expect(error.code).toBe('unsafe-path');
    expect(error.message).toContain(why);
  });

  it('stops inflating a bomb whose header claims a small size', () => {
    const zeros = new Uint8Array(5_000_000);
    const zip = makeZip([{ name: 'steward-shard.json', data: zeros, claimedSize: 100 }]);
    expect(zip.byteLength).toBeLessThan(10_000);
    const error = refusal(() => readZip(zip, LIMITS));
    expect(error.code).toBe('bomb');
    expect(error.message).toContain('steward-shard.json');
  });

  it('refuses an entry whose header honestly says it is larger than a file may be (too-large)', () => {
    const error = refusal(() => readZip(makeZip([{ name: 'huge.txt', data: new Uint8Array(200_000) }]), LIMITS));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('100000');
  });

  it('refuses a zip larger than maxZipBytes before reading it', () => {
    const zip = makeZip([{ name: 'a.bin', data: new Uint8Array(2000).map((_, i) => (i * 7919) % 251), method: 'stored' }]);
    expect(refusal(() => readZip(zip, { ...LIMITS, maxZipBytes: 1000 })).code).toBe('too-large');
  });

  it('refuses a file whose contents fail the CRC-32 check', () => {
    const error = refusal(() => readZip(makeZip([{ name: 'steward-shard.json', data: '{"shard":1}', crc: 0x12345678 }]), LIMITS));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('CRC-32');
  });

  it('refuses more files than maxFiles, but does not count directories', () => {
    const files = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.txt`, data: String(i) }));
    expect(refusal(() => readZip(makeZip(files), LIMITS)).code).toBe('too-many-files');
    const withDirs = [{ name: 'a/' }, { name: 'b/' }, ...files.slice(0, 10)];
    expect(readZip(makeZip(withDirs), LIMITS)).toHaveLength(10);
  });

  it('refuses a name given twice, truncated files and non-zips as corrupt or unsafe', () => {
    expect(refusal(() => readZip(makeZip([{ name: 'a.json', data: '1' }, { name: 'a.json', data: '2' }]), LIMITS)).code).toBe('unsafe-path');
    const zip = makeZip([{ name: 'a.json', data: 'x'.repeat(300), method: 'stored' }]);
    expect(refusal(() => readZip(zip.subarray(0, 100), LIMITS)).code).toBe('corrupt');
    expect(refusal(() => readZip(new TextEncoder().encode('<html>Not Found</html>'), LIMITS)).code).toBe('corrupt');
  });
});
