/** What the queue keeps of a webhook: the payload without its API URL fields, cut from the text. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { cutApiUrlFields, isApiUrlKey, storedPayload, withoutApiUrls } from '../../../src/transports/probot/stored-payload.js';
import { loadWebhookExample } from '../../support/webhook-payloads.js';

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as { name: string; examples: unknown[] }[];

describe('the stored form of a webhook payload', () => {
  it('drops url and *_url keys, never html_url or keys that merely contain "url"', () => {
    expect(['url', 'avatar_url', 'archive_url', '_url', 'x.y_url'].every(isApiUrlKey)).toBe(true);
    expect(['html_url', 'curl', 'url_template', 'urls', 'HTML_URL', 'Url'].some(isApiUrlKey)).toBe(false);
  });

  it('is the same whether cut from the text or copied from the object, for every GitHub example', () => {
    let checked = 0;
    for (const { examples: list } of examples) {
      for (const example of list) {
        const text = JSON.stringify(example);
        const stored = storedPayload(text);
        expect(stored.payload).toEqual(withoutApiUrls(example));
        expect(JSON.parse(stored.text)).toEqual(stored.payload);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('keeps a quarter of a pull_request event, with every field Steward reads', () => {
    const payload = loadWebhookExample('pull_request', 'opened');
    const text = JSON.stringify(payload);
    const stored = storedPayload(text);
    expect(stored.text.length).toBeLessThan(text.length * 0.3);
    expect(stored.payload).toMatchObject({
      action: 'opened', number: payload.number, sender: { login: payload.sender.login },
      repository: { name: payload.repository.name, owner: { login: payload.repository.owner.login }, html_url: payload.repository.html_url },
      pull_request: { head: { sha: payload.pull_request.head.sha, ref: payload.pull_request.head.ref }, base: { ref: payload.pull_request.base.ref } },
    });
  });

  const jsonWith = (key: fc.Arbitrary<string>) => {
    const text = fc.oneof(
      fc.constantFrom('","url":"x', '\\', '\\"', '"', 'a,"b_url":"c"}', 'url":', '{', '}', ',', 'https://api.github.com/x'),
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 6, unit: 'grapheme' }),
    );
    const value = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text, fc.constant(null), fc.integer(), fc.boolean(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 6 }),
      ),
    })).value;
    return fc.dictionary(key, value, { maxKeys: 8 });
  };
  const urlishKeys = ['url', 'html_url', 'avatar_url', '_url', 'curl', 'a_url_b', 'url_', 'u,rl', 'x{_url', 'a}url'];

  it('matches the object copy on any JSON whose keys have no escapes, whatever its strings hold', () => {
    const key = fc.oneof(fc.constantFrom(...urlishKeys), fc.stringMatching(/^[a-z_{},:]{0,6}$/));
    fc.assert(fc.property(jsonWith(key), (value) => {
      const body = JSON.stringify(value);
      expect(storedPayload(body).payload).toEqual(withoutApiUrls(JSON.parse(body)));
    }), { numRuns: 2000 });
  });

  it('never loses or changes anything but API URL fields, even with escapes in keys', () => {
    const key = fc.oneof(fc.constantFrom(...urlishKeys, 'x"_url', 'x\\_url', '"url', '\\'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(jsonWith(key), (value) => {
      const body = JSON.stringify(value);
      expect(withoutApiUrls(storedPayload(body).payload)).toEqual(withoutApiUrls(JSON.parse(body)));
    }), { numRuns: 2000 });
  });

  it('loses nothing from JSON it cannot cut safely (spaces between tokens)', () => {
    const body = JSON.stringify({ url: 'https://api.github.com/a', html_url: 'https://github.com/a', n: 1 }, null, 2);
    expect(cutApiUrlFields(body)).toBe(body);
    expect(storedPayload(body).payload).toEqual(JSON.parse(body));
  });

  it('keeps a "__proto__" key as the plain field JSON.parse makes of it', () => {
    const stored = storedPayload('{"__proto__":{"polluted":true},"url":"x","a":1}');
    expect(Object.keys(stored.payload as object)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(withoutApiUrls(JSON.parse('{"__proto__":{"p":1}}')))).toBe(Object.prototype);
  });

  it('refuses a body that is not JSON', () => {
    expect(() => storedPayload('{"url":"x",')).toThrow(SyntaxError);
    expect(() => storedPayload('not json')).toThrow(SyntaxError);
  });
});
