/**
 * The load generator: signed pull_request.opened deliveries (@octokit/webhooks-examples), each with
 * its own delivery id, pull request number and head SHA so nothing is deduplicated, sent open-loop at
 * a fixed rate (a late answer never slows the sending, as GitHub's deliveries do not wait either).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const EXAMPLE = require('@octokit/webhooks-examples').find((w) => w.name === 'pull_request').examples.find((e) => e.action === 'opened');

export const OWNER = 'Codertocat';
/** Deliveries are spread over this many repositories: Steward works one delivery per repository at a time. */
export const REPOSITORIES = 50;

const NUMBER = 987_654_321;
const ID = 876_543_210;
const NAME = 'loadrepomarker';
const SHA = 'deadbeef'.repeat(5);

/** The example as JSON with markers where each delivery differs: one string replace per field, not a clone and stringify. */
const TEMPLATE = (() => {
  const payload = structuredClone(EXAMPLE);
  payload.number = NUMBER;
  Object.assign(payload.pull_request, { number: NUMBER, id: ID, draft: false });
  payload.pull_request.head.sha = SHA;
  Object.assign(payload.repository, { name: NAME, full_name: `${OWNER}/${NAME}`, default_branch: 'main' });
  payload.repository.owner.login = OWNER;
  payload.installation = { id: 1, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  return JSON.stringify(payload);
})();

/** The body of delivery `n`: pull request #n in repository load-(n mod REPOSITORIES), installation 1. */
export function payloadFor(n) {
  return TEMPLATE.replaceAll(String(NUMBER), String(n)).replaceAll(String(ID), String(10_000_000 + n))
    .replaceAll(NAME, `load-${n % REPOSITORIES}`).replaceAll(SHA, n.toString(16).padStart(40, 'a'));
}

const sign = (secret, body) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Sends `count` deliveries numbered from `first` at `rate` per second to `url`; resolves when every
 * one is answered (or failed) with { sent: [{ n, at }], answers: [{ n, status, ms }], sendSeconds }.
 * Times are performance.now() milliseconds.
 */
export function sendAtRate({ url, secret, rate, count, first, agent, onSent = () => {} }) {
  const target = new URL(url);
  const sent = [];
  const answers = [];
  const started = performance.now();
  return new Promise((resolve) => {
    let next = 0;
    let settled = 0;
    const finish = () => {
      if (++settled === count) resolve({ sent, answers, sendSeconds: (sent.at(-1).at - started) / 1000 });
    };
    const tick = () => {
      const due = Math.min(count, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
      for (; next < due; next++) {
        const n = first + next;
        const body = payloadFor(n);
        const at = performance.now();
        sent.push({ n, at });
        onSent(n, at);
        post({ target, agent, secret, body }, (status) => {
          answers.push({ n, status, ms: performance.now() - at });
          finish();
        });
      }
      if (next < count) setTimeout(tick, Math.max(1, Math.min(10, 1000 / rate)));
    };
    tick();
  });
}

/** Posts one signed delivery; `done(status)` gets the HTTP status, or the error code when there was no answer. */
function post({ target, agent, secret, body }, done) {
  const req = request({
    host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
    headers: {
      'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': randomUUID(),
      'x-hub-signature-256': sign(secret, body), 'user-agent': 'GitHub-Hookshot/load-bench',
    },
  }, (res) => {
    res.resume();
    res.on('end', () => done(res.statusCode));
  });
  req.on('error', (error) => done(error.code ?? 'error'));
  req.end(body);
}

/**
 * As fast as the server answers: `concurrency` deliveries in flight for `seconds`, each sent when one
 * is answered (closed loop). Resolves with the same shape as sendAtRate.
 */
export function sendFlatOut({ url, secret, concurrency, seconds, first, agent, onSent = () => {} }) {
  const target = new URL(url);
  const sent = [];
  const answers = [];
  const started = performance.now();
  return new Promise((resolve) => {
    let n = first;
    let inFlight = 0;
    const launch = () => {
      if (performance.now() - started >= seconds * 1000) {
        if (inFlight === 0) resolve({ sent, answers, sendSeconds: (sent.at(-1).at - started) / 1000 });
        return;
      }
      const number = n++;
      const body = payloadFor(number);
      const at = performance.now();
      sent.push({ n: number, at });
      onSent(number, at);
      inFlight++;
      post({ target, agent, secret, body }, (status) => {
        answers.push({ n: number, status, ms: performance.now() - at });
        inFlight--;
        launch();
      });
    };
    for (let i = 0; i < concurrency; i++) launch();
  });
}

/** A keep-alive agent (the generator's own connection setup is not what is measured); enough sockets that none waits. */
// An idle socket is closed at 4 s, before node:http's 5 s keep-alive timeout, so no delivery is sent on a socket the server is closing.
export const createAgent = () => new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
