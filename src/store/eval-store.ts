/** The evaluation part of the store (EvalStore), assembled from its tables' modules. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { EvalStore } from './eval-types.js';
import { createAttempts } from './eval-attempts.js';
import { createDispatches } from './eval-dispatches.js';
import { createQueue } from './eval-queue.js';
import { createRuns } from './eval-runs.js';
import { createWrite, type Dialect } from './eval-tx.js';
import { createUsage } from './eval-usage.js';

export function createEvalStore(db: Kysely<Database>, dialect: Dialect): EvalStore {
  const write = createWrite(db, dialect);
  return {
    ...createRuns(db, write),
    ...createQueue(db, write),
    ...createDispatches(db, write),
    ...createAttempts(db, write),
    ...createUsage(db, write),
  };
}
