/**
 * Defensive reads of webhook payloads. Payloads come back from the queue as plain JSON and
 * GitHub adds or drops fields over time, so every read checks its type instead of trusting one.
 */
export type RepoName = { owner: string; repo: string };

export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function text(value: unknown, ...path: string[]): string | null {
  const found = field(value, ...path);
  return typeof found === 'string' ? found : null;
}

export function integer(value: unknown, ...path: string[]): number | null {
  const found = field(value, ...path);
  return typeof found === 'number' && Number.isInteger(found) ? found : null;
}

export function list(value: unknown, ...path: string[]): unknown[] {
  const found = field(value, ...path);
  return Array.isArray(found) ? found : [];
}

export function repoOf(payload: unknown): RepoName | null {
  const owner = text(payload, 'repository', 'owner', 'login');
  const repo = text(payload, 'repository', 'name');
  return owner && repo ? { owner, repo } : null;
}

export function installationOf(payload: unknown): number | null {
  return integer(payload, 'installation', 'id');
}
