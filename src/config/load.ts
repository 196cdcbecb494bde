/**
 * The configuration a check runs with: the repository's `.github/steward.yml`, else the
 * organisation's (`<org>/.github`), else the built-in defaults; `_extends` chains followed; the
 * result merged over DEFAULT_CONFIG and validated. Every problem is a finding on the line that
 * caused it; an invalid config gives `config: null`, never an exception.
 */
import { makeFinding, type Finding } from '../engines/findings.js';
import type { ConfigCandidates, TextFile } from '../platform/port.js';
import { DEFAULT_CONFIG } from './defaults.js';
import { cloneConfigValue, mergeConfig } from './merge-config.js';
import { configFinding, parseConfigText, type ParsedConfig } from './parse-config-text.js';
import {
  describeLocation, locationKey, locationOfOrigin, resolveExtendsTarget, type ConfigLocation,
} from './resolve-extends-target.js';
import type { StewardConfig } from './types.js';
import { validateConfigData } from './validate-config.js';

/** What `_extends` asks for: repository "owner/repo" (null: the local checkout), path, ref (null: default branch). */
export type ExtendsTarget = ConfigLocation;
export type ReadExtends = (target: ExtendsTarget) => Promise<TextFile | null>;

export interface ResolvedConfig {
  /** null when invalid: the findings say why. */
  config: StewardConfig | null;
  /** check 'config', with path/line/column of the file that holds the problem. */
  findings: Finding[];
  /** Origins read, the extending file first: ["owner/repo:.github/steward.yml", "owner/.github:base.yml"]. */
  sources: string[];
}

/** `_extends` hops followed before Steward gives up (probot follows one; chains of a few are common). */
export const MAX_EXTENDS_DEPTH = 5;

interface Layer {
  file: TextFile;
  location: ConfigLocation;
  /** The files that extend this one, outermost first. */
  extendedBy: ConfigLocation[];
  /** Not the repository's own file: messages name its origin, since the path is not in this repository. */
  foreign: boolean;
}

interface Context {
  readExtends: ReadExtends;
  findings: Finding[];
  sources: string[];
}

function parseSafely(layer: Layer): ParsedConfig {
  try {
    return parseConfigText(layer.file);
  } catch (error) {
    // parseConfigText is built not to throw; if some input still makes it, the check must not crash.
    const message = `could not read the config: ${(error as Error).message}`;
    return { data: null, extends: null, findings: [makeFinding({ check: 'config', rule: 'config', severity: 'error', message, path: layer.file.path, hint: null })] };
  }
}

function report(ctx: Context, layer: Layer, findings: Finding[]): void {
  for (const f of findings) ctx.findings.push(layer.foreign ? { ...f, message: `${layer.file.origin}: ${f.message}` } : f);
}

async function readTarget(ctx: Context, target: ConfigLocation, spec: string): Promise<TextFile | string> {
  try {
    return (await ctx.readExtends(target)) ?? `cannot read _extends '${spec}': not found`;
  } catch (error) {
    return `cannot read _extends '${spec}': ${(error as Error).message}`;
  }
}

/** The target of this layer's `_extends`, or the message that says why it cannot be followed. */
async function extendedLayer(ctx: Context, layer: Layer, spec: string): Promise<Layer | { message: string; hint: string }> {
  const target = resolveExtendsTarget(spec, layer.location);
  if ('error' in target) return { message: target.error, hint: 'Write "repo", "owner/repo", "owner/repo:path", optionally with "@ref", or a relative path such as "./base.yml".' };
  const chain = [...layer.extendedBy, layer.location, target].map(describeLocation).join(' → ');
  if ([...layer.extendedBy, layer.location].some((l) => locationKey(l) === locationKey(target))) {
    return { message: `_extends '${spec}' makes a cycle: ${chain}`, hint: 'Remove _extends from one of these files.' };
  }
  if (layer.extendedBy.length + 1 > MAX_EXTENDS_DEPTH) {
    return { message: `_extends '${spec}' goes past the limit of ${MAX_EXTENDS_DEPTH} extended files: ${chain}`, hint: 'Point this file at the end of the chain, or copy the settings it needs.' };
  }
  const file = await readTarget(ctx, target, spec);
  if (typeof file === 'string') {
    const other = target.repository !== null && target.repository !== layer.location.repository;
    return { message: file, hint: `Check that ${describeLocation(target)} exists${other ? ` and that Steward is installed on ${target.repository}` : ''}.` };
  }
  return { file, location: target, extendedBy: [...layer.extendedBy, layer.location], foreign: true };
}

/** This layer merged over everything it extends; null when any of them has an error. */
async function loadLayer(ctx: Context, layer: Layer): Promise<Record<string, unknown> | null> {
  ctx.sources.push(layer.file.origin);
  const parsed = parseSafely(layer);
  report(ctx, layer, parsed.findings);
  if (parsed.data === null || parsed.extends === null) return parsed.data;
  const base = await extendedLayer(ctx, layer, parsed.extends.spec);
  if ('message' in base) {
    report(ctx, layer, [configFinding(layer.file, { ...base, severity: 'error', position: parsed.extends.position, field: '/_extends' })]);
    return null;
  }
  const baseData = await loadLayer(ctx, base);
  return baseData === null ? null : (mergeConfig(baseData, parsed.data) as Record<string, unknown>);
}

export async function resolveConfig(candidates: ConfigCandidates, readExtends: ReadExtends): Promise<ResolvedConfig> {
  const file = candidates.repository ?? candidates.organization;
  if (!file) return { config: cloneConfigValue(DEFAULT_CONFIG), findings: [], sources: [] };
  const ctx: Context = { readExtends, findings: [], sources: [] };
  const layer = { file, location: locationOfOrigin(file.origin, file.path), extendedBy: [], foreign: file !== candidates.repository };
  const data = await loadLayer(ctx, layer);
  if (data === null || ctx.findings.some((f) => f.severity === 'error')) return { config: null, findings: ctx.findings, sources: ctx.sources };
  const merged = mergeConfig(DEFAULT_CONFIG, data);
  // Each layer was valid on its own, so this only fails if merging itself broke something.
  const problems = validateConfigData(merged).map((p) => makeFinding({
    check: 'config', rule: 'config', severity: 'error', path: file.path, field: p.field, hint: p.hint,
    message: `after merging ${ctx.sources.join(', ')} with the defaults: ${p.message}`,
  }));
  if (problems.length > 0) return { config: null, findings: [...ctx.findings, ...problems], sources: ctx.sources };
  return { config: merged as StewardConfig, findings: ctx.findings, sources: ctx.sources };
}
