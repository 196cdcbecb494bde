/**
 * Task-size distributions for the planner bench, in samples (the planner's cost unit).
 * Real sizes: the test splits of the Open LLM Leaderboard v1 tasks as lm-evaluation-harness runs them
 * (MMLU's 57 subjects from the dataset card of cais/mmlu, 14,042 in all). The synthetic ones come
 * from a seeded generator, so every run plans the same tasks.
 */

export const MMLU_SIZES = {
  abstract_algebra: 100, anatomy: 135, astronomy: 152, business_ethics: 100, clinical_knowledge: 265,
  college_biology: 144, college_chemistry: 100, college_computer_science: 100, college_mathematics: 100,
  college_medicine: 173, college_physics: 102, computer_security: 100, conceptual_physics: 235,
  econometrics: 114, electrical_engineering: 145, elementary_mathematics: 378, formal_logic: 126,
  global_facts: 100, high_school_biology: 310, high_school_chemistry: 203, high_school_computer_science: 100,
  high_school_european_history: 165, high_school_geography: 198, high_school_government_and_politics: 193,
  high_school_macroeconomics: 390, high_school_mathematics: 270, high_school_microeconomics: 238,
  high_school_physics: 151, high_school_psychology: 545, high_school_statistics: 216,
  high_school_us_history: 204, high_school_world_history: 237, human_aging: 223, human_sexuality: 131,
  international_law: 121, jurisprudence: 108, logical_fallacies: 163, machine_learning: 112, management: 103,
  marketing: 234, medical_genetics: 100, miscellaneous: 783, moral_disputes: 346, moral_scenarios: 895,
  nutrition: 306, philosophy: 311, prehistory: 324, professional_accounting: 282, professional_law: 1534,
  professional_medicine: 272, professional_psychology: 612, public_relations: 110, security_studies: 245,
  sociology: 201, us_foreign_policy: 100, virology: 166, world_religions: 171,
};

const mmlu = Object.entries(MMLU_SIZES).map(([name, cost]) => ({ name: `mmlu_${name}`, cost }));

/** Leaderboard v1 in its usual order: ARC, HellaSwag, MMLU, TruthfulQA, Winogrande, GSM8K. */
const leaderboard = [
  { name: 'arc_challenge', cost: 1172 },
  { name: 'hellaswag', cost: 10042 },
  ...mmlu,
  { name: 'truthfulqa_mc2', cost: 817 },
  { name: 'winogrande', cost: 1267 },
  { name: 'gsm8k', cost: 1319 },
];

/** mulberry32: a tiny seeded generator (same numbers on every machine). */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function heavyTail() {
  const random = seeded(4);
  const small = Array.from({ length: 200 }, (_, i) => ({ name: `small_${String(i).padStart(3, '0')}`, cost: 20 + Math.floor(random() * 281) }));
  // The huge task first, as a suite lists its main benchmark first.
  return [{ name: 'huge', cost: 40_000 }, ...small];
}

const uniform = Array.from({ length: 120 }, (_, i) => ({ name: `task_${String(i).padStart(3, '0')}`, cost: 500 }));

export const DISTRIBUTIONS = [
  { name: 'Open LLM Leaderboard v1', detail: '62 tasks: arc_challenge, hellaswag, 57 MMLU subjects, truthfulqa_mc2, winogrande, gsm8k', tasks: leaderboard },
  { name: 'MMLU', detail: '57 subjects, 100 to 1,534 samples', tasks: mmlu },
  { name: 'Heavy tail', detail: 'one task of 40,000 + 200 tasks of 20 to 300 (seeded)', tasks: heavyTail() },
  { name: 'Uniform', detail: '120 tasks of 500', tasks: uniform },
];

export const SHARD_COUNTS = [4, 8, 16, 32, 64, 128, 256];

/** Per-piece overheads: none, 200 samples' worth, and 2% of the mean task. */
export function overheadsFor(tasks) {
  const mean = tasks.reduce((s, t) => s + t.cost, 0) / tasks.length;
  return [
    { label: 'h = 0', value: 0 },
    { label: 'h = 200', value: 200 },
    { label: `h = 2% of mean task (${(0.02 * mean).toFixed(1)})`, value: 0.02 * mean },
  ];
}
