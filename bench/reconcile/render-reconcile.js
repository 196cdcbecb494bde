/** The reconcile rows and "How it is measured" paragraph of bench/RESULTS.md (issue 5, local). */
const ms = (x) => `${x.toFixed(1)} ms`;

export function renderReconcileRows(r) {
  const ok = r.problems.length === 0 && r.ratio <= r.goal;
  return [
    [`Reconcile, ${r.forks.toLocaleString('en-US')} fork remotes read and classified (${r.files.toLocaleString('en-US')} files, ${r.blobs} distinct blobs; median of ${r.times.steward.length})`,
      ms(r.stewardMs), `floor ${ms(r.floorMs)} (one bare \`git cat-file --batch\` of the same blobs)`, `${r.ratio.toFixed(2)}× the floor's time (goal ≤ ${r.goal}×)`,
      ok ? 'pass' : 'FAIL'],
    ['Same, verdicts (models × forks)', Object.entries(r.statuses).map(([s, n]) => `${s} ${n}`).join(', '), `${r.findings} findings`,
      r.problems.length ? r.problems.join('; ') : 'each distinct blob read once', 'reported'],
  ];
}

export const RECONCILE_METHOD = [
  '### How the reconcile benchmark is measured',
  '',
  '- Network: bench/reconcile/make-network.js writes one clone with `git fast-import` (cached in bench/.work/): upstream '
    + '(refs/heads/main) with five `models/*/model.yml` and a README card, and 1,000 fork remotes (refs/remotes/f<i>/main), '
    + 'each one commit on upstream: a quarter unchanged, a quarter with a model\'s version bumped, a quarter with the same '
    + 'version and other sha256 values, a quarter with another `base_model` in the card.',
  '- Steward (from lib/, in the bench\'s process): `readRemoteMetadata` over upstream and the 1,000 refs with globs '
    + '`models/*/model.yml` and `README.md` (one git process, `cat-file --batch-command`: refs to trees, each distinct tree '
    + 'read once, blob sizes, blob text), then `readMetadata` per fork through `makeCachedReader` (each distinct file '
    + 'parsed once) and `classifyModel` for every model of every fork against upstream, with upstream\'s copy as the base '
    + '(every fork starts at upstream\'s head, so that is the merge base; no `git merge-base` is run).',
  '- Floor: the distinct blob ids Steward read, known in advance, piped to one `git cat-file --batch` whose output is discarded.',
  '- The two sides alternate; times are wall clock, medians of the runs.',
];
