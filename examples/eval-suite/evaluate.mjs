#!/usr/bin/env node
/**
 * Evaluates the example model on a range of one task's test split and writes the results the way
 * lm-evaluation-harness does: `<output>/<model_sanitized>/results_<timestamp>.json`, with
 * `results[task]["acc,none"]`, `"acc_stderr,none"` ("N/A" when n ≤ 1), `n-samples`, `higher_is_better`,
 * `config` and `total_evaluation_time_seconds` as a string.
 *
 *   node evaluate.mjs --task sentiment --model model/weights.json --offset 0 --limit 50 --output out
 *
 * --offset and --limit may be left empty (or out): the whole split. Exit 2 on a mistake in the call.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { predict } from './lib/classifier.mjs';
import { readSplit, TASKS } from './lib/data.mjs';

const started = process.hrtime.bigint();
const options = { task: 'string', model: 'string', offset: 'string', limit: 'string', output: 'string' };
const { values } = parseArgs({ options: Object.fromEntries(Object.entries(options).map(([k, type]) => [k, { type }])) });

function fail(message) {
  console.error(`evaluate.mjs: ${message}`);
  process.exit(2);
}

function wholeNumber(name, fallback) {
  const text = values[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) fail(`--${name} must be a whole number ≥ 0, not "${text}"`);
  return Number(text);
}

if (!TASKS.includes(values.task)) fail(`--task must be one of ${TASKS.join(', ')}, not "${values.task ?? ''}"`);
if (!values.model) fail('--model is missing: the weights file, e.g. model/weights.json');
if (!values.output) fail('--output is missing: the folder the results go to');

let weights;
try {
  weights = JSON.parse(readFileSync(values.model, 'utf8'));
} catch (error) {
  fail(`cannot read the model ${values.model}: ${error.message}`);
}
const model = weights.tasks?.[values.task];
if (!model) fail(`the model ${values.model} has no weights for task "${values.task}"; train it with train.mjs`);

const split = readSplit(values.task, 'test');
const offset = wholeNumber('offset', 0);
const limit = wholeNumber('limit', split.length - offset);
if (offset + limit > split.length) fail(`samples [${offset}, ${offset + limit}) are past the end of ${values.task}'s ${split.length} test items`);

const items = split.slice(offset, offset + limit);
const correct = items.filter((item) => predict(model, item.text) === item.label).length;
const n = items.length;
const acc = n ? correct / n : 0;
// The sample standard error of a mean of 0/1 scores, as lm-eval's mean_stderr computes it.
const stderr = n > 1 ? Math.sqrt((acc * (1 - acc)) / (n - 1)) : 'N/A';

const sanitized = values.model.replace(/\//g, '__');
const now = new Date();
const results = {
  results: { [values.task]: { alias: values.task, 'acc,none': acc, 'acc_stderr,none': stderr } },
  group_subtasks: { [values.task]: [] },
  configs: {
    [values.task]: {
      task: values.task, dataset_path: `data/${values.task}.tsv`, test_split: 'test', output_type: 'multiple_choice',
      num_fewshot: 0, metric_list: [{ metric: 'acc', aggregation: 'mean', higher_is_better: true }], metadata: { version: 1 },
    },
  },
  versions: { [values.task]: 1 },
  'n-shot': { [values.task]: 0 },
  higher_is_better: { [values.task]: { acc: true } },
  'n-samples': { [values.task]: { original: split.length, effective: n } },
  config: {
    model: 'steward-example-naive-bayes', model_args: `pretrained=${values.model}`, batch_size: 1,
    limit: values.limit ? limit : null, offset, bootstrap_iters: 0, random_seed: 0,
  },
  date: now.getTime() / 1000,
  model_name: values.model,
  model_name_sanitized: sanitized,
  total_evaluation_time_seconds: String(Number(process.hrtime.bigint() - started) / 1e9),
};
const folder = path.join(values.output, sanitized);
mkdirSync(folder, { recursive: true });
const file = path.join(folder, `results_${now.toISOString().replace('Z', '').replace(/:/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`${values.task} [${offset}, ${offset + n}): acc ${acc.toFixed(4)} over ${n} samples → ${file}`);
