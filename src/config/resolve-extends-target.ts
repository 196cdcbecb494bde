/** Where an `_extends` value points, relative to the file that wrote it (probot / octokit-plugin-config rules). */
import { EXTENDS_PATTERN } from './schema/steward-schema.js';

/** A config file's place: a repository ("owner/repo"; null = the local checkout), a path, a ref. */
export interface ConfigLocation {
  repository: string | null;
  path: string;
  ref: string | null;
}

export const DEFAULT_CONFIG_PATH = '.github/steward.yml';

const EXTENDS = new RegExp(EXTENDS_PATTERN);
const ORIGIN = /^([^/:\s]+\/[^/:\s]+):(.+)$/;

/** "owner/repo:.github/steward.yml" -> that repository and path; anything else is a local path. */
export function locationOfOrigin(origin: string, path: string): ConfigLocation {
  const match = ORIGIN.exec(origin);
  return match ? { repository: match[1]!, path: match[2]!, ref: null } : { repository: null, path, ref: null };
}

export function describeLocation(location: ConfigLocation): string {
  const where = location.repository ? `${location.repository}:${location.path}` : location.path;
  return location.ref ? `${where}@${location.ref}` : where;
}

/** Same file whatever the spelling: GitHub names are case-insensitive, "./a/../b" is "b". */
export function locationKey(location: ConfigLocation): string {
  return `${location.repository?.toLowerCase() ?? '.'}:${location.path}@${location.ref ?? ''}`;
}

/**
 * "a/./b/../c.yml" -> "a/c.yml". In a repository a path may not climb above its root (null);
 * a local file (the CLI's --config) may point anywhere, so ".." and a leading "/" are kept there.
 */
function normalizePath(path: string, local: boolean): string | null {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (local) parts.push('..');
    else return null;
  }
  const joined = parts.join('/');
  return local && path.startsWith('/') ? `/${joined}` : joined;
}

function splitRef(spec: string): { body: string; ref: string | null } {
  const at = spec.indexOf('@');
  return at === -1 ? { body: spec, ref: null } : { body: spec.slice(0, at), ref: spec.slice(at + 1) };
}

export function resolveExtendsTarget(spec: string, from: ConfigLocation): ConfigLocation | { error: string } {
  if (!EXTENDS.test(spec)) return { error: `_extends '${spec}' is not in a form Steward understands` };
  const { body, ref } = splitRef(spec);
  if (body.startsWith('./') || body.startsWith('../')) {
    const folder = from.path.includes('/') ? from.path.slice(0, from.path.lastIndexOf('/') + 1) : '';
    const path = normalizePath(`${folder}${body}`, from.repository === null);
    if (path === null || path === '') return { error: `_extends '${spec}' points outside the repository` };
    return { repository: from.repository, path, ref: ref ?? from.ref };
  }
  const [repoPart, filePath] = body.includes(':') ? [body.slice(0, body.indexOf(':')), body.slice(body.indexOf(':') + 1)] : [body, null];
  const owner = repoPart.includes('/') ? null : from.repository?.split('/')[0] ?? null;
  if (!repoPart.includes('/') && owner === null) {
    return { error: `_extends '${spec}' names a repository without its owner, and this file is not in a GitHub repository: write 'owner/${repoPart}'` };
  }
  const repository = owner ? `${owner}/${repoPart}` : repoPart;
  return { repository, path: filePath ?? DEFAULT_CONFIG_PATH, ref };
}
