import { describe, expect, it } from '@jest/globals';
import { syncFileText } from '../../../src/engines/reconcile/sync-file.js';

const UP_CARD = '---\nlicense: mit\nversion: 1.2.0\n---\n# Upstream prose\n';

describe('syncFileText', () => {
  it.each([
    ['registry: upstream copy', { kind: 'registry' as const, upstreamText: 'id: a\nversion: 2\n', forkText: 'id: a\nversion: 1\n' }, 'id: a\nversion: 2\n'],
    ['card: front matter replaced, fork prose kept', { kind: 'card' as const, upstreamText: UP_CARD, forkText: '---\nlicense: mit\nversion: 1.0.0\n---\n# Fork notes\n' },
      '---\nlicense: mit\nversion: 1.2.0\n---\n# Fork notes\n'],
    ['card with CRLF in the fork keeps its body', { kind: 'card' as const, upstreamText: UP_CARD, forkText: '---\r\nversion: 1.0.0\r\n---\r\nFork\r\n' },
      '---\nlicense: mit\nversion: 1.2.0\n---\nFork\r\n'],
    ['card without front matter gets it prepended', { kind: 'card' as const, upstreamText: UP_CARD, forkText: '# Fork only prose\n' },
      '---\nlicense: mit\nversion: 1.2.0\n---\n# Fork only prose\n'],
    ['file missing in the fork: upstream copy', { kind: 'card' as const, upstreamText: UP_CARD, forkText: null }, UP_CARD],
    ['upstream card without front matter: nothing to propose', { kind: 'card' as const, upstreamText: '# none\n', forkText: '---\na: 1\n---\n' }, null],
    ['fork card with an unterminated block: not spliced', { kind: 'card' as const, upstreamText: UP_CARD, forkText: '---\nversion: 1\n# oops\n' }, null],
  ])('%s', (_name, input, expected) => {
    expect(syncFileText(input)).toBe(expected);
  });
});
