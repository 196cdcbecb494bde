/** The reconcile issue body: what a maintainer reads to decide what to bring upstream. */
import { describe, expect, it } from '@jest/globals';
import { RECONCILE_MARKER, renderReconcileMarkdown } from '../../src/report/reconcile-markdown.js';
import { fork, meta, report } from './reconcile-fixtures.js';

const md = renderReconcileMarkdown(report());
const section = (text: string, heading: string) => text.split(`### ${heading}\n`)[1]!.split('\n### ')[0]!;

describe('renderReconcileMarkdown', () => {
  it('starts with the hidden marker the App finds the issue by, then the overview', () => {
    expect(md.startsWith(`${RECONCILE_MARKER}\n## Steward: model registry across forks\n`)).toBe(true);
    expect(RECONCILE_MARKER).toBe('<!-- steward:reconcile -->');
    expect(md).toContain('Upstream `acme/models` at `main`; 4 forks (1 skipped); 4 models.');
    expect(md).toContain('Models in forks: 1 in-sync, 1 behind, 2 ahead, 1 diverged, 1 conflict, 2 new, 1 removed.');
  });

  it.each([
    ['| `alice/models` | `1.1.0` | [>] ahead | 0 |'],
    ['| `bob/models` | `1.0.0` | **[!] conflict** | 1 |'],
    ['| `alice/models` | `1.9.0` | [<] behind | 0 |'],
    ['| `bob/models` | `2.1.0` | **[~] diverged** | 1 |'],
    ['| `carol/models` | — | [-] removed | 0 |'],
    ['| `carol/models` | `v0.1.0` | [+] new | 0 |'],
    ['| `alice/models` | _no version_ | [=] in-sync | 0 |'],
  ])('summarises each fork of each model: %s', (row) => {
    expect(section(md, 'Models')).toContain(row);
  });

  it('lists conflicts with JSON values in code spans and absent sides marked', () => {
    expect(section(md, 'Conflicts').split('\n').filter((l) => l.startsWith('| `'))).toEqual([
      '| `llama-ft` | `bob/models` | `/checksums/0/sha256` | `"eee"` | `"eee"` | `"fff"` |',
      '| `llama-q4` | `bob/models` | `/license` | `"mit"` | `"apache-2.0"` | _absent_ |',
    ]);
  });

  it('ranks upstreaming candidates and lists skipped forks with the reason', () => {
    expect(section(md, 'Upstreaming candidates')).toContain('1. `llama-ft` `1.1.0` from `alice/models`, `carol/models` (2 forks hold the same content)');
    expect(section(md, 'Skipped forks')).toContain('- `dave/models`: `private`');
  });

  it('includes the graph with both kinds of edge and the findings', () => {
    expect(md).toContain('```mermaid\ngraph LR\n');
    expect(md).toContain('-->|"fork"|');
    expect(md).toContain('-.->|"quantized"|');
    expect(section(md, 'Findings')).toContain('- **warning** `reconcile/malformed-metadata` in `models/x/model.yml`');
  });

  it('keeps hostile values from breaking the table or forging the marker', () => {
    const r = report();
    r.models = [{ id: 'x|y', upstream: meta('x|y', '1', 'a'), forks: [fork('evil/`fork`', meta('x|y', '1', 'b'), 'conflict', [{ path: '/a|b', base: '<!-- steward:reconcile -->', ours: 'x\n| injected |', theirs: { k: '`' } }])] }];
    const text = renderReconcileMarkdown(r);
    expect(text.split(RECONCILE_MARKER)).toHaveLength(2);
    const row = section(text, 'Conflicts').split('\n').find((l) => l.startsWith('| `x'))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(8);
    expect(text).not.toContain('\n| injected |');
  });

  it('stays under the issue-body limit with a note, closing the cut code fence', () => {
    const r = report();
    r.models = Array.from({ length: 3000 }, (_, i) => ({ id: `model-${i}`, upstream: meta(`model-${i}`, '1.0.0', 'a'), forks: [fork('alice/models', meta(`model-${i}`, '1.0.0', 'b'), 'conflict', [{ path: '/version', base: 'a'.repeat(40), ours: 'b', theirs: 'c' }])] }));
    const text = renderReconcileMarkdown(r);
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(text.startsWith(RECONCILE_MARKER)).toBe(true);
    expect(text).toContain('> **Trimmed:** this report was cut to fit GitHub\'s 65,536-character limit.');
    expect((text.match(/^```/gm) ?? []).length % 2).toBe(0);
    const small = renderReconcileMarkdown(r, 3_000);
    expect(small.length).toBeLessThanOrEqual(3_000);
  });
});
