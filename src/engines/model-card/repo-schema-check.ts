/**
 * `model-cards.schemas` and `model-cards.sections`: the repository's own rules for the cards some
 * globs match. Schemas are loaded and compiled before the cards are read (prepareRepoSchemas);
 * each card is then validated against the ones whose paths match it (checkRepoSchemas).
 */
import picomatch from 'picomatch';
import { makeFinding, type Finding } from '../findings.js';
import { compileRepoSchema, type CompiledSchema } from './repo-schema-compile.js';
import { loadRepoSchema, type ReadSchema } from './repo-schema-load.js';
import { describeSchemaErrors, type SchemaProblem } from './repo-schema-messages.js';
import type { ParsedCard, Position } from './types.js';

export interface RepoSchemaEntry {
  /** Globs of the cards it applies to (picomatch, dot: true); absent means every card (`--schema`). */
  paths?: readonly string[];
  /** Path of the schema file, as the reader takes it. */
  schema: string;
}

export interface PreparedSchema {
  paths?: readonly string[];
  file: string;
  compiled: CompiledSchema;
}

export interface SectionRule {
  paths: readonly string[];
  required: readonly string[];
}

const matchers = new Map<string, (path: string) => boolean>();

/** Whether a card path matches a list of globs; each list compiled once. */
export function matchesPaths(paths: readonly string[] | undefined, path: string): boolean {
  if (paths === undefined) return true;
  const key = JSON.stringify(paths);
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = paths.length ? picomatch([...paths], { dot: true }) : () => false;
    if (matchers.size > 256) matchers.clear();
    matchers.set(key, matcher);
  }
  return matcher(path);
}

export function prepareRepoSchemas(entries: readonly RepoSchemaEntry[], readSchema: ReadSchema): PreparedSchema[] {
  return entries.map((entry) => {
    const loaded = loadRepoSchema(entry.schema, readSchema);
    const compiled = 'error' in loaded ? { error: loaded.error } : compileRepoSchema(loaded.bundle);
    return { paths: entry.paths, file: entry.schema, compiled };
  });
}

/** The sections a card must have: every card's, and those of the section rules matching its path. */
export function requiredSectionsFor(path: string, everyCard: readonly string[], rules: readonly SectionRule[] = []): string[] {
  const names = [...everyCard, ...rules.filter((rule) => matchesPaths(rule.paths, path)).flatMap((rule) => rule.required)];
  return [...new Set(names)];
}

/** card-schema findings of every repository schema that applies to this card. */
export function checkRepoSchemas(card: ParsedCard, schemas: readonly PreparedSchema[]): Finding[] {
  return schemas.filter((schema) => matchesPaths(schema.paths, card.path)).flatMap((schema) => {
    if ('error' in schema.compiled) return [unusableSchema(card, schema.file, schema.compiled.error)];
    // No front matter: the parser already said so; a schema has nothing to read.
    if (!card.frontMatter) return [];
    const data = card.frontMatter.data;
    if (schema.compiled.validate(data)) return [];
    const found = describeSchemaErrors(schema.compiled.validate.errors ?? [], data).map((problem) => schemaFinding(card, schema.file, problem));
    return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  });
}

function unusableSchema(card: ParsedCard, file: string, error: string): Finding {
  return makeFinding({
    check: 'model-card', rule: 'card-schema', severity: 'error', path: card.path,
    line: card.frontMatter?.startLine ?? 1, column: 1,
    message: `The repository schema ${file} cannot be used: ${error}`,
    hint: `Fix ${file} (or model-cards.schemas in .github/steward.yml); the card's other checks still ran.`,
  });
}

function schemaFinding(card: ParsedCard, file: string, problem: SchemaProblem): Finding {
  const position = locateNearest(card, problem);
  return makeFinding({
    check: 'model-card', rule: 'card-schema', severity: 'error', path: card.path,
    line: position?.line ?? card.frontMatter?.startLine ?? 1, column: position?.column ?? 1,
    message: problem.message, hint: `Required by the repository schema ${file}.`, field: problem.field,
  });
}

/** The value (or key) at the pointer; if it does not exist, the key of the nearest parent that does. */
function locateNearest(card: ParsedCard, problem: SchemaProblem): Position | null {
  const locate = card.frontMatter?.locate;
  if (!locate) return null;
  const own = (problem.atKey ? locate(problem.field, { key: true }) : null) ?? locate(problem.field);
  if (own) return own;
  for (let pointer = problem.field; pointer.lastIndexOf('/') > 0;) {
    pointer = pointer.slice(0, pointer.lastIndexOf('/'));
    const found = locate(pointer, { key: true }) ?? locate(pointer);
    if (found) return found;
  }
  return null;
}
