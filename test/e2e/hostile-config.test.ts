/**
 * Hostile input, issue 6: fuzzed `.github/steward.yml` (hostile-yaml.ts), each case a pull request
 * opened against the real `steward serve` process. Every case ends in a completed style check that
 * agrees with the engine on the same text; a refused file fails with its path, line and problem;
 * nothing is written twice; the process stays up and answers the next case.
 */
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { useHostileBench } from './hostile-bench.js';
import { checkConfigCase, expectCleanAftermath, processRuns } from './hostile-checks.js';
import { hostileConfig } from './hostile-yaml.js';

const bench = useHostileBench();

describe('fuzzed .github/steward.yml on the real process', () => {
  it('valid, hostile and odd files each end in a completed style check that names the problem', async () => {
    await fc.assert(fc.asyncProperty(hostileConfig, (input) => checkConfigCase(bench(), input)), processRuns(20));
    await expectCleanAftermath(bench());
  }, 80_000);
});
