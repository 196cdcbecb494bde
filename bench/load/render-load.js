/** The load bench as rows of bench/RESULTS.md's table, its verdicts and how it is measured. */

/** Steward's flat-out throughput (deliveries answered 2xx per second) must be at least this share of the bare app's. */
export const THROUGHPUT_GOAL = 0.8;
/**
 * RSS may grow at most this share from the end of the warm-up (first 2,000 events) to the end of the
 * soak. V8 grows its heap in steps and glibc keeps freed pages, so a healthy process wanders by a few
 * per cent under steady load; a leak of even 1 KB per delivery (a twentieth of one payload) would add
 * ~8 MB over the 8,000 measured events, about 5% of Steward's ~160 MB, and a leaked payload per delivery
 * (21 KB) would add ~170 MB: 10% lies above the noise and below any leak worth fixing first.
 */
export const MEMORY_GOAL = 0.1;

const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const perSecond = (x) => `${x.toFixed(x < 10 ? 2 : 0)}/s`;
const msOrS = (ms) => (ms === null ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const answers = (side) => `answer p50 ${msOrS(side.answerP50)}, p99 ${msOrS(side.answerP99)}`;

export function loadVerdicts(load) {
  const ratio = load.flatOut.steward.throughput / load.flatOut.bare.throughput;
  const maxSustained = (key) => Math.max(0, ...load.ramp.filter((r) => r[key].sustained).map((r) => r.rate));
  return {
    ratio, throughputPass: ratio >= THROUGHPUT_GOAL, maxSustained: { steward: maxSustained('steward'), bare: maxSustained('bare') },
    memoryPass: load.soak.growth <= MEMORY_GOAL && load.soak.failed === 0, fakePass: load.problems.length === 0,
  };
}

export const loadFailed = (load) => {
  const v = loadVerdicts(load);
  return !(v.throughputPass && v.memoryPass && v.fakePass);
};

export function renderLoadRows(load) {
  const v = loadVerdicts(load);
  const { idle, capacity, soak, flatOut, rampWrites } = load;
  const side = (x) => `${perSecond(x.throughput)} (${x.answered2xx}/${x.count}; ${answers(x)})`;
  return [
    ...load.ramp.map((r) => [`Webhooks, pull_request.opened at ${r.rate}/s for ${load.seconds} s: answered 2xx per second`,
      side(r.steward), `bare Probot app ${side(r.bare)}`, `${(r.steward.throughput / r.bare.throughput).toFixed(2)}×`, '']),
    ['Same, highest rate sustained (every delivery 2xx, ≥ 95% of the offered rate)', `${v.maxSustained.steward}/s`, `bare ${v.maxSustained.bare}/s`, 'reported', ''],
    [`Same, flat out (${load.concurrency} in flight for ${load.seconds} s, median of ${flatOut.rounds.length} alternating rounds): answered 2xx per second`,
      `${side(flatOut.steward)}; rounds ${flatOut.rounds.map((r) => perSecond(r.steward)).join(', ')}`,
      `bare Probot app ${side(flatOut.bare)}; rounds ${flatOut.rounds.map((r) => perSecond(r.bare)).join(', ')}`,
      `${v.ratio.toFixed(2)}× (goal ≥ ${THROUGHPUT_GOAL}×)`, v.throughputPass ? 'pass' : 'FAIL'],
    ['Time from sending to the first check-run write, one pull request at a time (idle server, 5 PRs)',
      `p50 ${msOrS(idle.steward.p50)}, max ${msOrS(idle.steward.p99)}`,
      `bare app writes nothing: its answer at 50/s p50 ${msOrS(load.ramp[0].bare.answerP50)}, p99 ${msOrS(load.ramp[0].bare.answerP99)}`,
      'reported (REST writes go out 1 s apart per installation)', ''],
    ['Same, under the ramp: check runs written while it lasted (the rest wait in the queue)',
      `${rampWrites.latencies.length} of ${load.rampSent} in ${Math.round(load.rampSeconds)} s (${perSecond(rampWrites.latencies.length / load.rampSeconds)}); `
      + `p50 ${msOrS(rampWrites.p50)}, p99 ${msOrS(rampWrites.p99)} of those written`, 'bare app: none to write', 'reported (see the notes)', ''],
    ['Diagnostic: Steward with the write pacing lifted, 300 PRs at 50/s, until all are written', `${perSecond(capacity.perSecond)} check runs, `
      + `${capacity.cpuMs.toFixed(1)} ms CPU per delivery`, `time to check run p50 ${msOrS(capacity.p50)}, p99 ${msOrS(capacity.p99)}`,
    'for reference (not Steward as shipped)', ''],
    ['CPU per delivery answered during the ramp (user + sys, whole process)', `${load.cpuPerDelivery.steward.toFixed(2)} ms (incl. the worker)`,
      `bare ${load.cpuPerDelivery.bare.toFixed(2)} ms`, 'reported', ''],
    ['Peak memory (VmHWM of the process)', mb(load.peak.steward), `bare ${mb(load.peak.bare)}`, 'reported', ''],
    [`Soak, ${soak.total.toLocaleString('en-US')} deliveries at ${soak.rate}/s: RSS after warm-up (2,000) → end`,
      `${mb(soak.warmKb)} → ${mb(soak.endKb)} (${soak.growth >= 0 ? '+' : ''}${(100 * soak.growth).toFixed(1)}%; ${(soak.slopeKbPer1000 / 1024).toFixed(2)} MB per 1,000 events)`,
      `${soak.failed} not answered 2xx${soak.failed ? ` (${JSON.stringify(soak.statuses)})` : ''}`, `goal ≤ +${100 * MEMORY_GOAL}%`, v.memoryPass ? 'pass' : 'FAIL'],
    ['SIGTERM at the end (Steward with its queue still full)', exitOf(load, 'steward serve'), `bare ${exitOf(load, 'bare Probot app')}`,
      'reported (see the notes)', ''],
    ...(v.fakePass ? [] : [['Load fake GitHub: calls it could not answer', load.problems.slice(0, 3).join('; '), '', 'goal none', 'FAIL']]),
  ];
}

function exitOf(load, name) {
  const exit = load.exits.find((e) => e.name === name);
  return !exit ? 'n/a' : exit.signal === 'SIGKILL' ? 'still running after 10 s: killed' : `exited (${exit.signal ?? `code ${exit.code}`})`;
}

export const LOAD_METHOD = [
  '- Load: bench/load/run-load.js starts three processes against one fake GitHub Enterprise (bench/load/fake-github.js, '
    + 'GHE_HOST/GHE_PROTOCOL; GraphQL executed against @octokit/graphql-schema once per query shape, then reused with the '
    + 'repository and number substituted; the installation token; check-run writes, timed on arrival and matched to the '
    + 'delivery by the run\'s external_id): `node bin/steward.js serve` (SQLite in a temporary folder, LOG_LEVEL=warn), a '
    + 'bare Probot app (bench/load/bare-app.js: the same Probot, `createNodeMiddleware(app)` on node:http, a no-op '
    + '`pull_request` handler) and, for diagnosis only, Steward with @octokit/plugin-throttling\'s write pacing lifted '
    + '(bench/load/lift-pacing.js, a module hook). Deliveries are @octokit/webhooks-examples\' pull_request.opened with '
    + 'their own delivery id, number and head SHA, spread over 50 repositories of one installation, signed with '
    + 'HMAC-SHA256 and sent open-loop at each rate (the bare app first, then Steward), then closed-loop with a fixed number '
    + 'in flight (flat out, three rounds alternating between the two, each side\'s median round: the goal compares these). Throughput: deliveries answered 2xx over the time from the first '
    + 'send to the last answer. Memory: VmRSS and VmHWM from /proc; the soak\'s slope is a '
    + 'least-squares fit over the RSS after each 1,000 events past the warm-up.',
];

export function renderLoadNotes(load) {
  return ['', `Notes on the load bench: GitHub requests the fake answered ${Object.entries(load.requests).map(([k, n]) => `${n}× ${k}`).join(', ')}. `
    + 'Steward paces REST writes per installation one at a time and 1 s apart (GitHub\'s guidance for mutative requests; '
    + 'GraphQL queries are not paced), so one installation gets at most ~1 check run per second whatever the machine; the '
    + 'rest wait in the durable queue. While webhooks are being answered the worker takes no new delivery (at most 1 s per '
    + 'claim), so answers come first. A delivery is answered once it is committed: deliveries arriving together are one '
    + 'transaction, written on SQLite by a thread of its own, and stored without GitHub\'s API URL fields (a quarter of a '
    + 'pull_request event\'s bytes). The "pacing lifted" diagnostic lifts only @octokit/plugin-throttling\'s pacing, '
    + 'which Steward no longer uses for writes: it now measures the same thing as Steward as shipped.'
    + (load.exits.some((e) => e.name === 'steward serve' && e.signal === 'SIGKILL')
      ? ' On SIGTERM, Steward\'s worker stops only once its drain pass has emptied the queue of due deliveries, so with a backlog '
        + 'it does not exit (a deployment\'s grace period ends in SIGKILL; leased deliveries are retried after the lease).' : '')
    + ` Whole load section: ${Math.round(load.totalSeconds)} s.`];
}
