/** The evaluation rows and sections of bench/RESULTS.md (planner quality, aggregation of 256 shards). */
import { PARTITIONERS } from './run-eval-plan.js';

const NAMES = { steward: 'Steward planShards', numWorker: 'OpenCompass NumWorkerPartitioner', size: 'OpenCompass SizePartitioner', contiguous: 'Contiguous split' };
const r3 = (x) => x.toFixed(3);
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const ms = (x) => `${x.toFixed(1)} ms`;

/** Rows for the main table. */
export function renderEvalRows(plan, aggregate) {
  const rows = [];
  if (plan) {
    const peers = (key) => PARTITIONERS.slice(1).map((p) => `${NAMES[p].replace('OpenCompass ', '')} ${r3(Math.max(...plan.summary.map((s) => s[p][key])))}`).join(', ');
    rows.push([`Eval planner, makespan / packing lower bound, worst of ${plan.cases.length} cases (${plan.summary.length} distributions × 4–256 shards × 3 overheads)`,
      r3(plan.stewardPackingWorst), peers('packingWorst'), `goal ≤ ${plan.goal} on every case (${plan.misses.length} above)`, plan.misses.length === 0 ? 'pass' : 'FAIL']);
    rows.push(['Same, makespan / plain lower bound (lower-bound.ts, the `lowerBound` of the plan JSON)',
      r3(plan.stewardWorst), peers('worst'), `${plan.plainMisses} of ${plan.cases.length} cases above ${plan.goal}`, 'reported']);
  }
  if (aggregate) {
    rows.push([`Aggregation of ${aggregate.shards} shard results (parse + validate + aggregateRun, median of ${aggregate.steward.times.length} runs)`,
      ms(aggregate.steward.medianMs), `floor ${ms(aggregate.floor.medianMs)} (JSON.parse + a summing loop)`, `${aggregate.ratio.toFixed(1)}× the floor's time`,
      aggregate.problems.length ? 'FAIL' : 'reported']);
    rows.push(['Same, peak memory (max RSS of the process)', mb(aggregate.steward.maxRssKb), `floor ${mb(aggregate.floor.maxRssKb)}`, `${aggregate.rssRatio.toFixed(2)}×`, 'reported']);
  }
  return rows;
}

/** The detail sections: per distribution, per overhead, Steward's misses, and how it is measured. */
export function renderEvalSections(plan, aggregate) {
  const lines = [];
  if (plan) {
    const cell = (st, key) => `${r3(st[key === 'packing' ? 'packingWorst' : 'worst'])} / ${r3(st[key === 'packing' ? 'packingMean' : 'mean'])}`;
    for (const [key, title] of [['packing', 'packing lower bound (packing-bound.ts)'], ['plain', 'plain lower bound (lower-bound.ts)']]) {
      const ratioKey = key === 'packing' ? 'packingRatios' : 'ratios';
      lines.push('', `## Evaluation planner: makespan / ${title} (worst / mean over shard counts and overheads)`, '',
        `| Distribution | ${PARTITIONERS.map((p) => NAMES[p]).join(' | ')} |`, `| --- | ${PARTITIONERS.map(() => '---').join(' | ')} |`,
        ...plan.summary.map((s) => `| ${s.name} (${s.detail}) | ${PARTITIONERS.map((p) => cell(s[p], key)).join(' | ')} |`),
        '', `| Overhead h | ${PARTITIONERS.map((p) => NAMES[p]).join(' | ')} |`, `| --- | ${PARTITIONERS.map(() => '---').join(' | ')} |`,
        ...byOverhead(plan.cases).map(([label, cases]) => `| ${label} | ${PARTITIONERS.map((p) => `${r3(Math.max(...cases.map((c) => c[ratioKey][p])))} / ${r3(cases.reduce((n, c) => n + c[ratioKey][p], 0) / cases.length)}`).join(' | ')} |`));
    }
    if (plan.misses.length) {
      lines.push('', `Steward above ${plan.goal} of the packing bound (${plan.misses.length} of ${plan.cases.length} cases):`, '',
        '| Distribution | Shards | Overhead | Plain bound | Packing bound | Makespan | / plain | / packing |', '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...plan.misses.map((c) => `| ${c.distribution} | ${c.m} | ${c.overhead} | ${round(c.lowerBound)} | ${round(c.packingBound)} | ${round(c.makespans.steward)} | ${r3(c.ratios.steward)} | ${r3(c.packingRatios.steward)} |`),
        '', 'Both bounds are relaxations; where h is large beside a shard\'s work even the packing bound can sit below the best possible plan '
          + '(it counts pieces and the idle room beside a lone small task, not how pieces of split tasks fit the rooms left), so a ratio above the goal there is not by itself a worse plan.');
    }
  }
  lines.push(...(plan || aggregate ? ['', '### How the evaluation benchmarks are measured', ''] : []), ...(plan ? PLAN_METHOD : []), ...(aggregate ? aggregateMethod(aggregate) : []));
  return lines;
}

const round = (x) => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toFixed(1));

function byOverhead(cases) {
  const groups = new Map();
  for (const c of cases) {
    const label = c.overhead.startsWith('h = 2%') ? 'h = 2% of the mean task' : c.overhead;
    (groups.get(label) ?? groups.set(label, []).get(label)).push(c);
  }
  return [...groups];
}

const PLAN_METHOD = [
  '- Planner (bench/eval-plan/): costs in samples; every piece (one slice of one task run by one command) costs its samples + h. '
    + 'Distributions: the Open LLM Leaderboard v1 suite with the real test sizes (arc_challenge 1,172, hellaswag 10,042, the 57 MMLU subjects 100–1,534, '
    + 'truthfulqa_mc2 817, winogrande 1,267, gsm8k 1,319), MMLU alone, a heavy tail (one task of 40,000 + 200 of 20–300, seeded) and a uniform one (120 × 500). '
    + 'Shards m ∈ {4, 8, 16, 32, 64, 128, 256}; h ∈ {0, 200, 2% of the mean task}. Two lower bounds, the same for all four partitioners, both valid for any plan whose pieces pay h: '
    + 'lib\'s computeLowerBound (the plain bound: work spread freely, pieces of at most C − h samples) and computePackingBound (also counts the extra pieces forced when a shard '
    + 'of capacity C holds at most k whole tasks, and the room left idle beside a whole task too small to share its shard, and that shards holding two or more pieces hold at most C − 2h samples). The goal is on the packing bound; the bench fails if any makespan beats either bound.',
  '- Steward: `planShards({ tasks, shards: m, pieceOverhead: h })` from lib/; the bench checks that every sample of every task is planned exactly once and recomputes the makespan from the pieces.',
  '- NumWorkerPartitioner (opencompass/partitioners/num_worker.py, reimplemented): each dataset of more than 16 samples cut into slices of max(ceil(size / m), 16), '
    + 'the slices of all datasets in config order dealt round robin (slice i to worker i mod m), no sort.',
  '- SizePartitioner (size.py, strategy heuristic, factor 1 since the costs are the true costs): datasets sorted by cost, those above max_task_size cut into '
    + 'ceil(size / ceil(size / max_task_size))-sample slices each charged max_task_size, then packed next-fit in descending order. Its task count is not fixed: '
    + 'its tasks run on m workers by LPT (longest first onto the least-loaded worker; OpenCompass\'s runners take them in list order), and max_task_size is the best of '
    + 'total/m, total/2m and total/4m, so it is shown at its best setting.',
  '- Contiguous split: all samples of all tasks in config order cut into m equal ranges; each task a range touches is one piece.',
];

function aggregateMethod(a) {
  return [
    `- Aggregation (bench/eval-aggregate/): the plan is planShards over the Leaderboard suite on ${a.shards} shards (h = 0, so all ${a.shards} are used: ${a.pieces} pieces, `
      + `${a.tasks} tasks); each shard's steward-shard.json (every piece ok, 2–4 lm-eval-style metrics, ${a.metricValues} metric values, ${Math.round(a.bytes / 1024)} KB in all) is a JSON text in memory. `
      + 'Steward: `JSON.parse`, `validateShardResult` and `aggregateRun(plan, outcomes)` from lib/, as the App does per artifact. Floor: `JSON.parse` and one loop summing value × n and n per (task, metric). '
      + 'Each side runs in its own process (bench/eval-aggregate/side.js), median time per run of all artifacts; peak memory is `process.resourceUsage().maxRSS` of that process.',
    ...(a.problems.length ? [`- Problems: ${a.problems.join('; ')}.`] : []),
  ];
}
