/** `steward reconcile` at a terminal. */
import { describe, expect, it } from '@jest/globals';
import { renderReconcileText } from '../../src/report/reconcile-text.js';
import { fork, meta, report } from './reconcile-fixtures.js';

describe('renderReconcileText', () => {
  const text = renderReconcileText(report());

  it('groups forks under each model, conflicts beneath their fork', () => {
    expect(text).toContain([
      'llama-q4  upstream 2.0.0',
      '  alice/models  1.9.0         behind',
      '  bob/models    2.1.0         diverged  1 conflict',
      '      /license: base "mit", upstream "apache-2.0", fork (absent)',
      '  carol/models  -             removed',
    ].join('\n'));
    expect(text).toContain('merge-x  upstream none (not upstream)\n  carol/models  v0.1.0        new\n');
    expect(text).toContain('stable  upstream (no version)\n  alice/models  (no version)  in-sync');
  });

  it.each([
    ['Steward reconcile: upstream acme/models (main), 4 forks (1 skipped), 4 models'],
    ['Upstreaming candidates:\n  1. llama-ft 1.1.0 from alice/models, carol/models'],
    ['Skipped forks:\n  dave/models: private'],
    ['Findings:\n  warning reconcile/malformed-metadata models/x/model.yml: models/x/model.yml does not parse'],
    ['Summary: 1 in-sync, 1 behind, 2 ahead, 1 diverged, 1 conflict, 2 new, 1 removed\n'],
  ])('says %s', (expected) => {
    expect(text).toContain(expected);
  });

  it('has no colour codes, and blanks control characters from forks', () => {
    const r = report();
    r.models = [{ id: 'm\u001b[31m', upstream: null, forks: [fork('f\u001b]0;x\u0007', meta('m', '1\n2', 'a'), 'new')] }];
    const out = renderReconcileText(r);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(out).toContain('m [31m  upstream none');
    expect(renderReconcileText(report())).not.toContain('\u001b');
  });
});
