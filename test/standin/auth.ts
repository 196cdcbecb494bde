/**
 * App authentication as GitHub does it: /app routes take the App's JWT (`bearer <jwt>`), everything
 * else an installation token that POST /app/installations/{id}/access_tokens issued. Only the kind
 * of credential is ever recorded, never its value.
 */
import { randomBytes } from 'node:crypto';
import type { AuthKind } from './types.js';
import { example, type RestAnswer, type RestHandler } from './rest-kit.js';

export interface Tokens {
  /** token -> installation id */
  issued: Map<string, number>;
  issue(installationId: number): string;
}

export function createTokens(): Tokens {
  const issued = new Map<string, number>();
  return {
    issued,
    issue(installationId) {
      const token = `ghs_${randomBytes(18).toString('base64url')}`;
      issued.set(token, installationId);
      return token;
    },
  };
}

/** A JWT whose payload names the App as issuer (iss), as @octokit/auth-app signs it. */
function isAppJwt(credential: string, appId: number | null): boolean {
  const parts = credential.split('.');
  if (parts.length !== 3) return false;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { iss?: unknown; exp?: unknown };
    if (typeof payload.exp !== 'number' || payload.exp * 1000 < Date.now()) return false;
    return appId === null || String(payload.iss) === String(appId);
  } catch {
    return false;
  }
}

export function classifyAuth(header: string | undefined, tokens: Tokens, appId: number | null): AuthKind {
  if (!header) return 'none';
  const [scheme = '', credential = ''] = header.trim().split(/\s+/, 2);
  const lower = scheme.toLowerCase();
  if (lower !== 'token' && lower !== 'bearer') return 'invalid';
  if (tokens.issued.has(credential)) return 'installation-token';
  return lower === 'bearer' && isAppJwt(credential, appId) ? 'app-jwt' : 'invalid';
}

/** null when the credential fits the route; otherwise GitHub's 401 answer. */
export function refuseAuth(kind: AuthKind, route: string): RestAnswer | null {
  const wantsJwt = route.startsWith('/app');
  if (wantsJwt ? kind === 'app-jwt' : kind === 'installation-token') return null;
  const message = kind === 'none' ? 'Requires authentication' : wantsJwt
    ? 'A JSON web token could not be decoded' : 'Bad credentials';
  return { status: 401, body: { message, documentation_url: 'https://docs.github.com/rest', status: '401' } };
}

export function createTokenHandler(tokens: Tokens): RestHandler {
  return (context) => {
    const installationId = Number(context.params.installation_id);
    const token = tokens.issue(installationId);
    const expires = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { status: 201, body: example('POST', '/app/installations/{installation_id}/access_tokens', { token, expires_at: expires }) };
  };
}
