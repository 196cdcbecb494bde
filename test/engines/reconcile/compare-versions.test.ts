import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compareVersions, isSemver } from '../../../src/engines/reconcile/compare-versions.js';
import { propertyRuns } from '../../support/property-runs.js';

// SemVer 2.0 §11's example chains, plus GTO's v prefix, partial versions and the non-SemVer tail.
const ascending: Array<Array<string | null>> = [
  ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'],
  ['1.0.0', '2.0.0', '2.1.0', '2.1.1'],
  ['0.9.0', 'v1.0.0', '1.0.1', 'V1.1.0', '1.10.0', '10.0.0', '99999999999999999999.0.0'],
  ['latest', 'main', null],
  ['1.0.0', '1.2', '1.2.1', '2'],
  ['9.9.9', 'abc', 'b', 'vx'],
  ['999.0.0', '01.0.0', 'best', 'final', null],
];

describe('compareVersions', () => {

  for (const chain of ascending) {
    it(`orders ${chain.map(String).join(' < ')}`, () => {
      for (let i = 0; i + 1 < chain.length; i++) {
        expect(compareVersions(chain[i]!, chain[i + 1]!)).toBeLessThan(0);
        expect(compareVersions(chain[i + 1]!, chain[i]!)).toBeGreaterThan(0);
      }
    });
  }

  it.each([
    ['v1.2.3', '1.2.3'],
    ['V1.2.3', 'v1.2.3'],
    ['1.2', '1.2.0'],
    ['1', '1.0.0'],
    ['1.0.0+build.5', '1.0.0'],
    ['1.0.0-rc.1+a', '1.0.0-rc.1+b'],
    ['latest', 'latest'],
  ])('%s has the precedence of %s', (a, b) => {
    expect(compareVersions(a, b)).toBe(0);
    expect(compareVersions(b, a)).toBe(0);
  });

  it('puts null (no version) after every version and equal to itself', () => {
    expect(compareVersions(null, 'zzz')).toBeGreaterThan(0);
    expect(compareVersions('0.0.1', null)).toBeLessThan(0);
    expect(compareVersions(null, null)).toBe(0);
  });

  it.each([
    ['1.2.3', true], ['v0.0.1-alpha+001', true], ['1.2', true],
    ['01.2.3', false], ['1.2.3-01', false], ['1.2-beta', false], ['1.2.3.4', false], ['release', false], ['', false],
  ])('isSemver(%s) is %s', (version, expected) => {
    expect(isSemver(version)).toBe(expected);
  });

  it('sorts as a total order: antisymmetric and transitive', () => {
    const identifier = fc.oneof(fc.constantFrom('0', '1', '2', '11', 'alpha', 'beta', 'rc', 'x-1'), fc.nat(30).map(String));
    const version = fc.oneof(
      fc.tuple(fc.constantFrom('', 'v'), fc.nat(3), fc.nat(3), fc.option(fc.nat(12)), fc.array(identifier, { maxLength: 3 }), fc.option(fc.constant('+b1')))
        .map(([v, a, b, c, pre, build]) => `${v}${a}.${b}${c === null ? '' : `.${c}`}${pre.length && c !== null ? `-${pre.join('.')}` : ''}${build ?? ''}`),
      fc.constantFrom('latest', 'main', 'v1.x', 'Final'),
      fc.constant(null),
    );
    fc.assert(fc.property(version, version, version, (a, b, c) => {
      expect(Math.sign(compareVersions(a, b))).toBe(-Math.sign(compareVersions(b, a)) || 0);
      if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
    }), propertyRuns(500));
  });
});
