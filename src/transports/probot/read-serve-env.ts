/** The App's settings from the environment, with every missing or wrong one named at once. */
import { readFileSync } from 'node:fs';

export interface ServeSettings {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  port: number;
  host: string | undefined;
  webhookPath: string;
  databaseUrl: string | undefined;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** STEWARD_RETRY_BACKOFF_MS: waits before each retry of failed work; unset: the worker's default. */
  retryBackoffMs: number[] | undefined;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

export function readServeEnv(env: NodeJS.ProcessEnv): ServeSettings {
  const problems: string[] = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0) problems.push('APP_ID must be the numeric App ID from the GitHub App settings page.');
  const privateKey = readPrivateKey(env, problems);
  if (!env.WEBHOOK_SECRET) problems.push('WEBHOOK_SECRET must be set to the webhook secret of the GitHub App; unsigned deliveries are refused.');
  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT "${env.PORT}" is not a port number (0-65535).`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as ServeSettings['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL "${env.LOG_LEVEL}" is not one of ${LOG_LEVELS.join(', ')}.`);
  const retryBackoffMs = readBackoff(env.STEWARD_RETRY_BACKOFF_MS, problems);
  if (problems.length) throw new Error(`Steward cannot start the GitHub App:\n- ${problems.join('\n- ')}`);
  return {
    appId,
    privateKey: privateKey!,
    webhookSecret: env.WEBHOOK_SECRET!,
    port,
    host: env.HOST || undefined,
    webhookPath: env.WEBHOOK_PATH || '/api/github/webhooks',
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel,
    retryBackoffMs,
  };
}

/** "30000,120000,600000": one wait (ms) per retry; their count + 1 is the number of attempts. */
function readBackoff(value: string | undefined, problems: string[]): number[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const waits = value.split(',').map((part) => Number(part.trim()));
  if (waits.every((ms) => Number.isInteger(ms) && ms >= 0) && waits.length <= 20) return waits;
  problems.push(`STEWARD_RETRY_BACKOFF_MS "${value}" must be up to 20 whole numbers of milliseconds, comma-separated (e.g. 30000,120000,600000).`);
  return undefined;
}

/** PRIVATE_KEY (PEM, PEM with literal \n, or base64 of a PEM) or the file at PRIVATE_KEY_PATH. */
function readPrivateKey(env: NodeJS.ProcessEnv, problems: string[]): string | null {
  if (env.PRIVATE_KEY) {
    const key = env.PRIVATE_KEY.includes('-----BEGIN') ? env.PRIVATE_KEY : Buffer.from(env.PRIVATE_KEY, 'base64').toString('utf8');
    if (key.includes('-----BEGIN')) return key.replace(/\\n/g, '\n');
    problems.push('PRIVATE_KEY is neither a PEM private key nor base64 of one; paste the .pem file GitHub gave you.');
    return null;
  }
  if (env.PRIVATE_KEY_PATH) {
    try {
      return readFileSync(env.PRIVATE_KEY_PATH, 'utf8');
    } catch (error) {
      problems.push(`PRIVATE_KEY_PATH "${env.PRIVATE_KEY_PATH}" cannot be read (${(error as Error).message}).`);
      return null;
    }
  }
  problems.push('Set PRIVATE_KEY (the PEM text) or PRIVATE_KEY_PATH (the .pem file) of the GitHub App.');
  return null;
}
