/**
 * Issue 6's load bench: signed pull_request.opened deliveries at rising rates, then flat out, to
 * `steward serve` and, in the same run, to a bare Probot app whose handler does nothing (bare-app.js);
 * then a 10,000-event soak of Steward. A third process, Steward with Probot's write pacing lifted
 * (lift-pacing.js), shows what Steward's own work costs per delivery; it never decides a verdict.
 * All three talk to one fake GitHub (fake-github.js).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGitHub } from './fake-github.js';
import { countStatuses, isOk, slope, summarizePhase, writeLatencies } from './measure.js';
import { createCredentials, startServer } from './processes.js';
import { createAgent, OWNER, sendAtRate, sendFlatOut } from './send.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const WARM_UP_BLOCKS = 2;
const FLAT_OUT_ROUNDS = 3;
const DEFAULTS = { rates: [50, 100, 200, 400, 800], seconds: 5, concurrency: 32, soakEvents: 10_000, soakRate: 300 };

export async function runLoadBench({ log = () => {}, ...options } = {}) {
  const settings = { ...DEFAULTS, ...options };
  const started = performance.now();
  const bench = { writtenAt: new Map(), sentAt: new Map(), next: 1, agent: createAgent(), credentials: createCredentials() };
  const github = await startFakeGitHub({ owner: OWNER, onCheckRun: ({ pr, at }) => bench.writtenAt.has(pr) || void bench.writtenAt.set(pr, at) });
  const dir = mkdtempSync(join(tmpdir(), 'steward-load-'));
  const servers = [];
  try {
    const start = (name, args, extra = {}) =>
      startServer({ name, args, credentials: bench.credentials, github, ...extra }).then((s) => (servers.push(s), s));
    const bare = await start('bare Probot app', ['bench/load/bare-app.js']);
    const steward = await start('steward serve', ['bin/steward.js', 'serve'], { extraEnv: { DATABASE_URL: join(dir, 'steward.sqlite') } });
    const lifted = await start('steward serve, pacing lifted', ['bin/steward.js', 'serve'],
      { extraEnv: { DATABASE_URL: join(dir, 'lifted.sqlite') }, nodeArgs: ['--import', './bench/load/lift-pacing.js'] });
    const idle = { steward: await measureIdle(bench, steward, log), lifted: await measureIdle(bench, lifted, log) };
    const ramp = await runRamp(bench, { bare, steward }, settings, log);
    const soak = await runSoak(bench, steward, settings, log);
    const capacity = await measureCapacity(bench, lifted, log);
    const peak = { bare: bare.memory().peakKb, steward: steward.memory().peakKb, lifted: lifted.memory().peakKb };
    log('  SIGTERM to each process (SIGKILL after 10 s)');
    const exits = await Promise.all(servers.map(async (s) => ({ name: s.name, ...(await s.stop()) })));
    return {
      ...settings, idle, ...ramp, capacity, soak, peak, exits,
      requests: Object.fromEntries(github.counts), problems: [...github.problems], totalSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    bench.agent.destroy();
    await github.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sends through `sender` (sendAtRate or sendFlatOut) with the next numbers; records each send time. */
async function send(bench, server, sender, options) {
  const result = await sender({ url: server.url, secret: bench.credentials.secret, first: bench.next, agent: bench.agent, ...options,
    onSent: (n, at) => bench.sentAt.set(n, at) });
  bench.next = Math.max(bench.next, ...result.sent.map((s) => s.n + 1));
  return { result, numbers: result.sent.map((s) => s.n) };
}

async function waitForWrites(bench, numbers, timeoutMs) {
  for (const end = performance.now() + timeoutMs; performance.now() < end && numbers.some((n) => !bench.writtenAt.has(n));) await sleep(20);
  return writeLatencies(bench.sentAt, bench.writtenAt, numbers);
}

/** Five pull requests one at a time on an idle server: each sent once the previous one's check run is written. */
async function measureIdle(bench, server, log) {
  const numbers = [];
  for (let i = 0; i < 5; i++) {
    const { numbers: [n] } = await send(bench, server, sendAtRate, { rate: 1, count: 1 });
    numbers.push(n);
    await waitForWrites(bench, [n], 15_000);
  }
  const idle = writeLatencies(bench.sentAt, bench.writtenAt, numbers);
  log(`  ${server.name}, one pull request at a time: time to check run p50 ${Math.round(idle.p50)} ms, max ${Math.round(idle.p99)} ms`);
  return idle;
}

/** Each rate for `seconds`, the bare app first, then Steward; then each flat out, in alternating rounds. */
async function runRamp(bench, { bare, steward }, { rates, seconds, concurrency }, log) {
  const sides = [['bare', bare], ['steward', steward]];
  const rampStart = performance.now();
  const cpuBefore = { bare: bare.memory().cpuMs, steward: steward.memory().cpuMs };
  const stewardNumbers = [];
  const phase = async (label, sender, options, rate) => {
    const row = { rate };
    for (const [key, server] of sides) {
      const { result, numbers } = await send(bench, server, sender, options);
      row[key] = { ...summarizePhase({ rate, result }), memory: server.memory() };
      if (key === 'steward') stewardNumbers.push(...numbers);
      log(`  ${label}, ${server.name}: ${row[key].answered2xx}/${row[key].count} answered 2xx, ${row[key].throughput.toFixed(0)}/s, `
        + `answer p50 ${row[key].answerP50?.toFixed(1)} ms p99 ${row[key].answerP99?.toFixed(1)} ms, RSS ${Math.round(row[key].memory.rssKb / 1024)} MB`);
    }
    return row;
  };
  const rows = [];
  for (const rate of rates) rows.push(await phase(`${rate}/s × ${seconds} s`, sendAtRate, { rate, count: rate * seconds }, rate));
  // Flat out in FLAT_OUT_ROUNDS alternating rounds, each side's median round kept: one 5 s window on
  // a shared machine moved the ratio by a tenth from run to run.
  const rounds = [];
  for (let i = 1; i <= FLAT_OUT_ROUNDS; i++) rounds.push(await phase(`flat out (round ${i}), ${concurrency} in flight × ${seconds} s`, sendFlatOut, { concurrency, seconds }, null));
  const median = (key) => [...rounds].sort((a, b) => a[key].throughput - b[key].throughput)[(FLAT_OUT_ROUNDS - 1) / 2][key];
  const flatOut = { rate: null, bare: median('bare'), steward: median('steward'), rounds: rounds.map((r) => ({ bare: r.bare.throughput, steward: r.steward.throughput })) };
  const rampSeconds = (performance.now() - rampStart) / 1000;
  const answered = (key) => [...rows, ...rounds].reduce((s, r) => s + r[key].answered2xx, 0);
  const cpuPerDelivery = {
    bare: (bare.memory().cpuMs - cpuBefore.bare) / answered('bare'),
    steward: (steward.memory().cpuMs - cpuBefore.steward) / answered('steward'),
  };
  // Written while the ramp lasted: the rest wait in Steward's queue, behind the pacing.
  const rampWrites = writeLatencies(bench.sentAt, bench.writtenAt, stewardNumbers);
  log(`  while the ramp lasted, ${steward.name} wrote ${rampWrites.latencies.length} of ${stewardNumbers.length} check runs`);
  return { ramp: rows, flatOut, rampWrites, rampSent: stewardNumbers.length, rampSeconds, cpuPerDelivery };
}

/** Steward's own work rate: 300 deliveries at 50/s to the process with the pacing lifted, until all are written. */
async function measureCapacity(bench, lifted, log) {
  const cpuBefore = lifted.memory().cpuMs;
  const t0 = performance.now();
  const { numbers } = await send(bench, lifted, sendAtRate, { rate: 50, count: 300 });
  const writes = await waitForWrites(bench, numbers, 90_000);
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = (lifted.memory().cpuMs - cpuBefore) / numbers.length;
  const perSecond = (numbers.length - writes.missing) / seconds;
  log(`  ${lifted.name}: ${numbers.length - writes.missing}/${numbers.length} check runs in ${seconds.toFixed(1)} s (${perSecond.toFixed(1)}/s), `
    + `${cpuMs.toFixed(1)} ms CPU per delivery, time to check run p50 ${(writes.p50 / 1000).toFixed(1)} s p99 ${(writes.p99 / 1000).toFixed(1)} s`);
  return { count: numbers.length, ...writes, seconds, perSecond, cpuMs, memory: lifted.memory() };
}

/**
 * `soakEvents` deliveries in blocks of 1,000, right after the ramp; RSS after each block. The first
 * 2,000 are the warm-up: V8 shrinks an idle heap and regrows it under load, which is not a leak.
 */
async function runSoak(bench, steward, { soakEvents, soakRate }, log) {
  const block = 1000;
  const points = [];
  const answers = [];
  for (let sent = 0; sent < soakEvents; sent += block) {
    const { result } = await send(bench, steward, sendAtRate, { rate: soakRate, count: Math.min(block, soakEvents - sent) });
    answers.push(...result.answers);
    points.push({ x: sent + block, y: steward.memory().rssKb });
    log(`  soak: ${sent + block} events, RSS ${Math.round(points.at(-1).y / 1024)} MB`);
  }
  await sleep(2000);
  const endKb = steward.memory().rssKb;
  const warmKb = points[WARM_UP_BLOCKS - 1].y;
  return {
    total: soakEvents, rate: soakRate, failed: answers.filter((a) => !isOk(a.status)).length, statuses: countStatuses(answers),
    points, warmKb, endKb, growth: (endKb - warmKb) / warmKb, slopeKbPer1000: slope(points.slice(WARM_UP_BLOCKS - 1).map((p) => ({ x: p.x / 1000, y: p.y }))),
  };
}
