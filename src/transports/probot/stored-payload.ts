/**
 * What of a webhook payload the queue keeps. GitHub's payloads are mostly hypermedia: every
 * repository, user and pull request object carries dozens of `*_url` fields (`archive_url`,
 * `compare_url`, ...), three quarters of a pull_request event's ~21 KB. Steward reads none of them
 * (it builds its requests from owner, name and number), so the queue stores the payload without
 * them: a quarter of the bytes to write durably before each answer, which was most of the cost of
 * an answer under load. `html_url` stays (links people follow); so does everything else.
 */

/** True for the keys the queue drops: `url` and `*_url`, except `html_url`. */
export function isApiUrlKey(key: string): boolean {
  return (key === 'url' || key.endsWith('_url')) && key !== 'html_url';
}

/**
 * A copy of `value` without API URL fields at any depth (the input is not changed). A field is an
 * API URL field when its key says so and its value is a string or null (as GitHub's always are).
 */
export function withoutApiUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutApiUrls);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries keeps a "__proto__" key of JSON as a plain field, as JSON.parse does.
  return Object.fromEntries(Object.entries(value)
    .filter(([key, field]) => !(isApiUrlKey(key) && (field === null || typeof field === 'string')))
    .map(([key, field]) => [key, withoutApiUrls(field)]));
}

/**
 * `body` (JSON text) without its API URL fields. Every `url":` in JSON text ends a key: inside a
 * string a quote is always escaped. A field is cut when its key opens after `,` or `{` and its
 * value is null or a string, ending at `,` or `}`; with it goes the comma that
 * separated it from its neighbour (the same fields as withoutApiUrls). Anything else (spaces between
 * tokens, a key with an escape) stays, which is never wrong, only bigger. GitHub sends compact JSON.
 */
export function cutApiUrlFields(body: string): string {
  let out = '';
  let kept = 0;
  for (let at = body.indexOf('url":'); at !== -1; at = body.indexOf('url":', at + 5)) {
    let keyStart = at - 1;
    while (keyStart >= 0 && body.charCodeAt(keyStart) !== QUOTE && body.charCodeAt(keyStart) !== BACKSLASH) keyStart--;
    // A key with an escape in it is left alone (GitHub's never have one).
    const before = body.charCodeAt(keyStart - 1);
    if (keyStart < kept || body.charCodeAt(keyStart) !== QUOTE || (before !== COMMA && before !== OPEN) || !isApiUrlKeyAt(body, keyStart + 1, at)) continue;
    const end = valueEnd(body, at + 5);
    if (end === -1) continue;
    const after = body.charCodeAt(end);
    if (after !== COMMA && after !== CLOSE) continue;
    // `,"k":v` goes; first in its object (or right after a cut that took the comma), `"k":v,` goes
    // (or just `"k":v` when it is the last).
    const first = before === OPEN || keyStart - 1 < kept;
    const [from, to] = first ? [keyStart, after === COMMA ? end + 1 : end] : [keyStart - 1, end];
    out += body.slice(kept, from);
    kept = to;
    at = to - 5;
  }
  return kept === 0 ? body : out + body.slice(kept);
}

/** isApiUrlKey for the key from `start` to the `url` at `urlAt`, without cutting it out. */
function isApiUrlKeyAt(body: string, start: number, urlAt: number): boolean {
  if (urlAt === start) return true;
  if (body.charCodeAt(urlAt - 1) !== 0x5f) return false;
  return !(urlAt - start === 5 && body.startsWith('html_', start));
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** Where a null or a string value starting at `at` ends, or -1. */
function valueEnd(body: string, at: number): number {
  if (body.startsWith('null', at)) return at + 4;
  if (body.charCodeAt(at) !== QUOTE) return -1;
  for (let close = body.indexOf('"', at + 1); close !== -1; close = body.indexOf('"', close + 1)) {
    // A quote after an odd number of backslashes is part of the string.
    let slashes = 0;
    while (body.charCodeAt(close - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return close + 1;
  }
  return -1;
}

export interface StoredPayload {
  payload: unknown;
  /** `payload` as JSON: what the queue stores. */
  text: string;
}

/**
 * The stored form of a webhook body as received: the API URL fields cut from the text, then the
 * (four times smaller) rest parsed, instead of parsing everything, copying it without them and
 * serialising the copy. Equal to `withoutApiUrls(JSON.parse(body))` (tested on every example of
 * @octokit/webhooks-examples and on generated JSON). Throws SyntaxError when the body is not JSON.
 */
export function storedPayload(body: string): StoredPayload {
  const text = cutApiUrlFields(body);
  try {
    return { payload: JSON.parse(text), text };
  } catch {
    // Not reached for valid JSON; if the cut ever broke it, the slow way is still right.
    const payload = withoutApiUrls(JSON.parse(body));
    return { payload, text: JSON.stringify(payload) };
  }
}
