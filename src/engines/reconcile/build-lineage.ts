/**
 * Model lineage from `base_model` / `base_model_relation` (fork-anchors.md §4 G): one edge per base
 * model, kept apart from repository fork edges. Cycles are refused: a model cannot descend from itself.
 */
import { makeFinding, type Finding } from '../findings.js';
import type { ModelMetadata } from './types.js';

export interface LineageEdge {
  /** The base model's id (a model of the network, or an external id such as a Hub repo id). */
  from: string;
  to: string;
  relation: string;
  /** True when base_model_relation was absent and the relation is Steward's guess. */
  inferred: boolean;
}

export interface Lineage {
  edges: LineageEdge[];
  findings: Finding[];
}

/** `models`: every model of every repository, de-duplicated by id (the first of an id is kept). */
export function buildLineage(models: readonly ModelMetadata[]): Lineage {
  const byId = new Map<string, ModelMetadata>();
  for (const m of models) if (!byId.has(m.id)) byId.set(m.id, m);
  const all = [...byId.values()].flatMap(edgesOf);
  const cyclic = findCycles(all);
  const edges = all.filter((e) => !insideCycle(cyclic, e));
  const findings = cyclic.map((c) => cycleFinding(c, byId));
  return { edges, findings };
}

function edgesOf(m: ModelMetadata): LineageEdge[] {
  const bases = [...new Set(m.baseModels)];
  if (m.baseModelRelation !== null) return bases.map((from) => ({ from, to: m.id, relation: m.baseModelRelation!, inferred: false }));
  // The Hub documents one inference only: two or more base models make a merge. What it infers for
  // a single base (finetune, adapter, quantized) is not documented, so we claim no more than "derived".
  const relation = bases.length >= 2 ? 'merge' : 'derived';
  return bases.map((from) => ({ from, to: m.id, relation, inferred: true }));
}

interface Cycle {
  /** Every model of the strongly connected component. */
  members: string[];
  inside: Set<string>;
  /** One closed walk through it, for the message: a → b → a. */
  path: string[];
}

function insideCycle(cycles: readonly Cycle[], e: LineageEdge): boolean {
  return cycles.some((c) => c.inside.has(e.from) && c.inside.has(e.to));
}

/** Strongly connected components with a loop (size ≥ 2, or a self-reference), in a stable order. */
function findCycles(edges: readonly LineageEdge[]): Cycle[] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const components = stronglyConnected([...new Set(edges.flatMap((e) => [e.from, e.to]))].sort(), next);
  return components
    .filter((c) => c.length > 1 || (next.get(c[0]!) ?? []).includes(c[0]!))
    .map((members) => ({ members: [...members].sort(), inside: new Set(members), path: walkCycle(members, next) }))
    .sort((a, b) => (a.members[0]! < b.members[0]! ? -1 : 1));
}

/** Tarjan's algorithm, iterative so that a long chain of models cannot overflow the stack. */
function stronglyConnected(nodes: readonly string[], next: ReadonlyMap<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) { index.set(v, index.size); low.set(v, index.get(v)!); stack.push(v); onStack.add(v); }
      const succ = next.get(v) ?? [];
      if (i < succ.length) {
        frame[1]++;
        const w = succ[i]!;
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) { const u = work[work.length - 1]![0]; low.set(u, Math.min(low.get(u)!, low.get(v)!)); }
      if (low.get(v) === index.get(v)) out.push(popComponent(stack, onStack, v));
    }
  }
  return out;
}

function popComponent(stack: string[], onStack: Set<string>, root: string): string[] {
  const component: string[] = [];
  let w: string;
  do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== root);
  return component;
}

/** From the smallest member, always to the smallest successor inside the component, until a repeat. */
function walkCycle(members: readonly string[], next: ReadonlyMap<string, string[]>): string[] {
  const inside = new Set(members);
  const seen: string[] = [];
  const step = new Map<string, number>();
  let at = [...members].sort()[0]!;
  while (!step.has(at)) {
    step.set(at, seen.length);
    seen.push(at);
    at = (next.get(at) ?? []).filter((w) => inside.has(w)).sort()[0]!;
  }
  return [...seen.slice(step.get(at)), at];
}

function cycleFinding(c: Cycle, byId: ReadonlyMap<string, ModelMetadata>): Finding {
  const path = byId.get(c.path[0]!)?.path ?? null;
  const self = c.members.length === 1;
  const walk = c.path.map((id) => `"${id}"`).join(' → ');
  return makeFinding({
    check: 'reconcile',
    rule: 'lineage-cycle',
    severity: 'error',
    path,
    field: '/base_model',
    message: self
      ? `Model "${c.path[0]}" names itself as its base_model; its lineage edge is left out.`
      : `Lineage cycle: ${walk} (each is base_model of the next); these ${c.members.length} models' lineage edges among themselves are left out.`,
    hint: 'A model cannot descend from itself: remove the wrong base_model entry from one of these models\' metadata.',
  });
}
