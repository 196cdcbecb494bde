/**
 * Use-case: hand waiting shards to runners as capacity allows. Reads the shared queue, the shards in
 * flight, live runner state and the usage ledger; the scheduler (planDispatch) decides; each run's
 * picks go out as one or more workflow_dispatch calls. Claiming in the store before calling GitHub
 * is what keeps two replicas (or a redelivered event) from dispatching a shard twice.
 */
import type { DispatchCursor } from '../../engines/eval/dispatch-types.js';
import { planDispatch } from '../../engines/eval/plan-dispatch.js';
import type { QueueEntry, RunRecord } from '../../store/eval-types.js';
import type { EvalDeps } from './eval-deps.js';
import { readDispatchState } from './read-dispatch-state.js';
import { dispatchRunPicks } from './dispatch-run-picks.js';
import { publishEvalState } from './publish-eval.js';

const CURSOR_KEY = 'dispatch';

export interface PumpOutcome {
  dispatched: number;
  /** Why entries wait, by run id. */
  waiting: Map<string, string[]>;
}

/** `publishFor`: a run whose check must show its state after this pump, whether or not it got a runner. */
export async function pumpQueue(deps: EvalDeps, options: { publishFor?: string } = {}): Promise<PumpOutcome> {
  const outcome = await dispatchWhatFits(deps);
  const extra = options.publishFor;
  if (extra && !outcome.published.has(extra)) {
    const run = await deps.store.getRun(extra);
    if (run) await publishEvalState(deps, run, { waiting: outcome.waiting.get(extra) ?? [] });
  }
  return { dispatched: outcome.dispatched, waiting: outcome.waiting };
}

async function dispatchWhatFits(deps: EvalDeps): Promise<PumpOutcome & { published: Set<string> }> {
  const outcome = { dispatched: 0, waiting: new Map<string, string[]>(), published: new Set<string>() };
  const queue = await deps.store.listQueue();
  if (!queue.length) return outcome;
  const runs = await loadRuns(deps, queue);
  const live = queue.filter((e) => runs.has(e.run));
  if (!live.length) return outcome;
  const cursor = parseCursor(await deps.store.getCursor(CURSOR_KEY));
  const input = await readDispatchState(deps, live, runs, cursor);
  const decision = planDispatch(input);
  await deps.store.setCursor(CURSOR_KEY, JSON.stringify(decision.cursor));
  const byKey = new Map(live.map((e) => [e.key, e]));
  for (const w of decision.waiting) {
    const run = byKey.get(w.key)?.run;
    if (run) outcome.waiting.set(run, [...(outcome.waiting.get(run) ?? []), w.reason]);
  }
  const picksByRun = new Map<string, { entry: QueueEntry; pool: string }[]>();
  for (const pick of decision.dispatch) {
    const entry = byKey.get(pick.key);
    if (entry) picksByRun.set(entry.run, [...(picksByRun.get(entry.run) ?? []), { entry, pool: pick.pool }]);
  }
  for (const [runId, picks] of picksByRun) {
    const run = runs.get(runId)!;
    outcome.dispatched += await dispatchRunPicks(deps, run, picks);
    const fresh = await deps.store.getRun(runId);
    // A run that failed while dispatching has already said why.
    if (fresh && (fresh.status === 'queued' || fresh.status === 'running')) {
      await publishEvalState(deps, fresh, { waiting: outcome.waiting.get(runId) ?? [] });
    }
    outcome.published.add(runId);
  }
  return outcome;
}

/** The runs of the queued entries that may still dispatch (a cancelled run's leftovers are skipped). */
async function loadRuns(deps: EvalDeps, queue: QueueEntry[]): Promise<Map<string, RunRecord>> {
  const runs = new Map<string, RunRecord>();
  for (const id of new Set(queue.map((e) => e.run))) {
    const run = await deps.store.getRun(id);
    if (run && (run.status === 'queued' || run.status === 'running')) runs.set(id, run);
  }
  return runs;
}

function parseCursor(text: string | null): DispatchCursor {
  try {
    const value = JSON.parse(text ?? '') as DispatchCursor;
    if (typeof value.next === 'number' && value.current && typeof value.current === 'object') return value;
  } catch {
    // A missing or damaged cursor only resets the round-robin position.
  }
  return { next: 0, current: {} };
}
