/**
 * Plain scalars for the fast reader (read-fast-yaml.ts), resolved by the very tags `yaml` would use:
 * the schema of a Document built with the same options, tried in the same order, so "1.10", `no`,
 * `0755` or `1:20` come out exactly as the full parser reads them. Anything the full path would
 * warn about, or that is not a string, number, boolean or null, makes the caller decline.
 */
import { Document, isScalar, type Schema } from 'yaml';
import { HUB_YAML_OPTIONS } from '../model-card/parse-hub-yaml-options.js';

export type ScalarValue = string | number | boolean | null;

/** 'card': front matter as the Hub reads it (YAML 1.1); 'registry': `yaml`'s defaults (YAML 1.2 core). */
export type YamlFlavour = 'card' | 'registry';

type ScalarResolve = (value: string, onError: (message: string) => void, options: unknown) => unknown;

interface Resolver {
  schema: Schema;
  options: Document['options'];
  /** Every default tag's test in one regex: text it rejects is a string without trying the tags one by one. */
  anyTag: RegExp;
}

const resolvers = new Map<YamlFlavour, Resolver>();

function resolverFor(flavour: YamlFlavour): Resolver {
  let resolver = resolvers.get(flavour);
  if (!resolver) {
    const doc = new Document(undefined, flavour === 'card' ? HUB_YAML_OPTIONS : {});
    const tests = doc.schema.tags.flatMap((t) => (t.default && t.test ? [t.test] : []));
    // A flag (i, u…) would change what a test means inside the union: then no shortcut (match everything).
    const union = tests.every((t) => t.flags === '') ? tests.map((t) => `(?:${t.source})`).join('|') : '';
    resolver = { schema: doc.schema, options: doc.options, anyTag: new RegExp(union) };
    resolvers.set(flavour, resolver);
  }
  return resolver;
}

/** Mirrors parse-inspect-nodes' describeReading: readings the card engine reports become findings. */
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const OCTAL = /^[-+]?0[0-7_]+$/;

function isSurprise(source: string, value: unknown): boolean {
  if (typeof value === 'boolean') return !CORE_BOOL.test(source);
  if (typeof value === 'number') return source.includes(':') || OCTAL.test(source);
  return false;
}

/**
 * The value `yaml` gives a plain scalar, or undefined to decline: a tag that reports a problem,
 * a value that is not a JSON scalar, a reading the card engine would warn about (cards), or (for keys)
 * anything but a string.
 */
export function resolvePlain(source: string, flavour: YamlFlavour, atKey: boolean): ScalarValue | undefined {
  const { schema, options, anyTag } = resolverFor(flavour);
  if (!anyTag.test(source)) return source;
  const tag = schema.tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source));
  if (!tag) return source;
  const resolve = (tag as { resolve?: ScalarResolve }).resolve;
  if (atKey || tag.collection || !resolve) return undefined;
  let failed = false;
  const resolved = resolve(source, () => (failed = true), options);
  const value = isScalar(resolved) ? resolved.value : resolved;
  if (failed || (flavour === 'card' && isSurprise(source, value))) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  return typeof value === 'number' ? value : undefined;
}

/** First characters a plain scalar may not start with (YAML indicators), and '-' unless a number follows. */
const PLAIN_FIRST = /^(?:[^-?:,[\]{}#&*!|>'"%@`\s]|-[0-9.])/;

/** A one-line plain scalar in block context the fast reader accepts as written. */
export function isSimplePlain(text: string): boolean {
  return PLAIN_FIRST.test(text) && !text.includes(': ') && !text.includes(' #') && !text.endsWith(':') && !text.endsWith(' ');
}

/** The same inside `[ ]`: no flow indicators and no ':' at all. */
export function isSimpleFlowPlain(text: string): boolean {
  return isSimplePlain(text) && !/[,[\]{}:]/.test(text);
}

/** A quoted scalar without escapes: its text, or undefined. */
export function readSimpleQuoted(text: string): string | undefined {
  const quote = text[0];
  if ((quote !== "'" && quote !== '"') || text.length < 2 || text[text.length - 1] !== quote) return undefined;
  const inner = text.slice(1, -1);
  if (inner.includes(quote) || (quote === '"' && inner.includes('\\'))) return undefined;
  return inner;
}
