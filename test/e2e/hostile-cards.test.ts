/**
 * Hostile input, issue 6: fuzzed model cards (hostile-yaml.ts: alias bombs, deep nesting, NUL,
 * tabs, duplicate and reserved keys, lone surrogates, CR line ends, 300 KB front matter, 2 MB
 * cards), each case a pull request opened against the real `steward serve` process. Every case
 * ends in a completed card check that agrees with the engine on the same text (a refused card
 * fails and its text names path, line and problem) and a passing style check; nothing is written
 * twice; the process stays up and answers the next case. About 5 s a case (GitHub's write pacing).
 */
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { useHostileBench } from './hostile-bench.js';
import { checkCardCase, expectCleanAftermath, processRuns } from './hostile-checks.js';
import { hostileCard } from './hostile-yaml.js';

const bench = useHostileBench();

describe('fuzzed model cards on the real process', () => {
  it('valid, hostile and odd front matter each end in a completed card check that agrees with the engine', async () => {
    await fc.assert(fc.asyncProperty(hostileCard, (input) => checkCardCase(bench(), input)), processRuns(15));
    await expectCleanAftermath(bench());
  }, 100_000);
});
