/**
 * What the App asks for against what it calls: the routes the stand-in recorded on the tour (real
 * `steward serve`) and every route string in src need only the permissions app.yml declares;
 * app.yml and the README's permission table agree; app.yml declares nothing no route needs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startStandin, type RecordedRequest, type Standin } from '../standin/index.js';
import { startApp, stopAllApps } from './app-process.js';
import { buildServeBundle, ROOT, type ServeBundle } from './build-serve.js';
import { GRAPHQL_NEEDS, REFUSAL_HANDLED, ROUTE_NEEDS, isGranted, type Need } from './route-permissions.js';
import { runTour, seedTour } from './scenario-tour.js';

// Needed only with an option on, each said so in app.yml's comment; metadata: read is mandatory.
const CONDITIONAL = ['members', 'organization_self_hosted_runners'];
const MANDATORY = 'metadata';

let bundle: ServeBundle | undefined;
let standin: Standin | undefined;
let recorded: RecordedRequest[] = [];

beforeAll(async () => {
  bundle = await buildServeBundle();
  standin = await startStandin({ appId: 123 });
  seedTour(standin);
  const app = await startApp({ bundle, standin, env: { STEWARD_RETRY_BACKOFF_MS: '500,500,500' } });
  await runTour(standin, app);
  recorded = standin.requests();
}, 90_000);
afterAll(async () => {
  await stopAllApps();
  await standin?.close();
  bundle?.remove();
});

const declared = (parse(readFileSync(join(ROOT, 'app.yml'), 'utf8')) as { default_permissions: Record<string, string> }).default_permissions;

/** `| checks: write | why |` rows of the table under "Permissions" in README.md's "The GitHub App". */
function readmePermissions(): Record<string, string> {
  const section = readFileSync(join(ROOT, 'README.md'), 'utf8').split(/^## /m).find((s) => s.startsWith('The GitHub App'))!;
  const table = section.slice(section.indexOf('| Permission | Why |'));
  const rows = table.split('\n').slice(2).filter((line) => line.startsWith('|'));
  return Object.fromEntries(rows.map((row) => {
    const [name, level] = row.split('|')[1]!.trim().split(/:\s*/);
    return [name!.trim().toLowerCase().replace(/[\s-]+/g, '_'), level!.trim()];
  }));
}

/** Every 'METHOD /route' string literal in src. */
function sourceRoutes(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceRoutes(path);
    if (!entry.name.endsWith('.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/'((?:GET|POST|PATCH|PUT|DELETE) \/[^'\s]*)'/g)].map((m) => m[1]!);
  });
}

const recordedRoutes = () => [...new Set(recorded.map((r) => (r.route === '/graphql' ? 'graphql' : `${r.method} ${r.route}`)))].sort();
const needsOf = (route: string): readonly Need[] | undefined => (route === 'graphql' ? GRAPHQL_NEEDS : ROUTE_NEEDS[route]);
const allRoutes = () => [...new Set([...recordedRoutes(), ...sourceRoutes(), 'graphql'])].sort();

describe('permissions: app.yml, the README and the routes Steward calls', () => {
  it('the tour called GitHub as GitHub allows (the recorded routes are real)', () => {
    expect(recordedRoutes()).toEqual(expect.arrayContaining(['graphql', 'POST /repos/{owner}/{repo}/check-runs', 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches']));
    expect(standin!.violations()).toEqual([]);
  });

  it('every route Steward calls (recorded or in src) is in the permission table', () => {
    expect(allRoutes().filter((route) => !needsOf(route))).toEqual([]);
  });

  it('every recorded route needs only permissions app.yml declares, at a sufficient level', () => {
    expect(recordedRoutes().filter((route) => !isGranted(needsOf(route) ?? [[['unknown', 'write']]], declared))).toEqual([]);
  });

  it('every route in src is granted by app.yml, except those whose refusal Steward handles', () => {
    const refused = allRoutes().filter((route) => needsOf(route) && !isGranted(needsOf(route)!, declared));
    expect(refused).toEqual(Object.keys(REFUSAL_HANDLED).sort());
  });

  it('app.yml and the README table list the same permissions at the same levels', () => {
    expect(readmePermissions()).toEqual(declared);
  });

  it('app.yml declares nothing that no route needs at that level (least privilege)', () => {
    const used = allRoutes().flatMap((route) => (needsOf(route) ?? []).flat());
    const unneeded = Object.entries(declared).filter(([permission, level]) => !used.some(([p, l]) => p === permission && l === level));
    expect(unneeded.map(([p]) => p).filter((p) => p !== MANDATORY && !CONDITIONAL.includes(p))).toEqual([]);
    // The conditional ones are still used by some route Steward has (not left over).
    expect(CONDITIONAL.filter((p) => !used.some(([q]) => q === p))).toEqual([]);
    expect(CONDITIONAL.every((p) => p in declared)).toBe(true);
  });
});
