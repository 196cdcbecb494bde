/**
 * Fault rules: the first rule that matches a request (method, OpenAPI route or concrete path,
 * GraphQL operation) and has not used up its `times` answers instead of the state, with the
 * headers and bodies GitHub sends. `after` lets that many matching requests through first.
 */
import type { FaultReply, FaultRule } from './types.js';

export interface FaultTarget { method: string; route: string; path: string; operation?: string }
export type FaultAnswer = { delayMs: number } | { status: number; body: Record<string, string>; headers: Record<string, string> };

interface LiveRule { rule: FaultRule; seen: number; fired: number }

const DOCS_RATE = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
const DOCS_SECONDARY = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
const SERVER_MESSAGES: Record<number, string> = { 500: 'Server Error', 502: 'Server Error', 503: 'Service Unavailable' };

export interface Faults {
  add(rule: FaultRule): void;
  /** The fault answer for this request, or null to serve it normally. Counts the match. */
  take(target: FaultTarget): FaultAnswer | null;
  clear(): void;
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if (rule.method && rule.method.toUpperCase() !== target.method) return false;
  if (rule.route && rule.route !== target.route && rule.route !== target.path) return false;
  if (rule.operation && rule.operation !== target.operation) return false;
  return true;
}

export function createFaults(): Faults {
  const rules: LiveRule[] = [];
  return {
    add: (rule) => void rules.push({ rule, seen: 0, fired: 0 }),
    clear: () => void rules.splice(0),
    take(target) {
      for (const live of rules) {
        if (!matches(live.rule, target)) continue;
        live.seen += 1;
        if (live.seen <= (live.rule.after ?? 0)) continue;
        if (live.fired >= (live.rule.times ?? Infinity)) continue;
        live.fired += 1;
        return answerFault(live.rule.reply);
      }
      return null;
    },
  };
}

function rateHeaders(remaining: number, reset: number): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-reset': String(reset), 'x-ratelimit-resource': 'core',
  };
}

export function answerFault(reply: FaultReply): FaultAnswer {
  if ('timeoutMs' in reply) return { delayMs: reply.timeoutMs };
  const inAnHour = Math.floor(Date.now() / 1000) + 3600;
  if ('secondary' in reply) {
    return {
      status: 403,
      headers: { ...rateHeaders(4000, inAnHour), ...(reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {}) },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: DOCS_SECONDARY },
    };
  }
  if ('rateLimitReset' in reply) {
    return {
      status: 403, headers: rateHeaders(0, reply.rateLimitReset),
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS_RATE },
    };
  }
  if (reply.status === 429) {
    return {
      status: 429, headers: { ...rateHeaders(0, inAnHour), 'retry-after': String(reply.retryAfter) },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: DOCS_RATE },
    };
  }
  return { status: reply.status, headers: {}, body: { message: SERVER_MESSAGES[reply.status] ?? 'Server Error', documentation_url: 'https://docs.github.com/rest' } };
}
