/** The evaluation use-cases' dependencies, from a worker's context. */
import { randomBytes } from 'node:crypto';
import type { EvalDeps } from '../../workflows/evaluation/eval-deps.js';
import type { WorkContext } from './types.js';

export const newId = (prefix: string): string => `${prefix}${randomBytes(6).toString('hex')}`;

export function evalDepsOf(ctx: WorkContext, installationId: number): EvalDeps {
  return {
    platform: ctx.platform,
    installationId,
    platformFor: (id) => ctx.platformFor(id),
    store: ctx.store,
    now: ctx.now,
    log: {
      info: (m) => ctx.log.info(m),
      warn: (m) => ctx.log.warn(m),
      error: (m) => ctx.log.error(m),
    },
    newId,
  };
}
