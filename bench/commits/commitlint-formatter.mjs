// A commitlint formatter for the benchmark: one JSON line per linted message, valid or not,
// so the verdict of every commit can be compared with Steward's.
export default function format(report) {
  return report.results
    .map((r) => JSON.stringify({ input: r.input, valid: r.valid, errors: r.errors.map((e) => e.name) }))
    .join('\n');
}
