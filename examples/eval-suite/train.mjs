#!/usr/bin/env node
/**
 * Trains the example model on the train split of every task and writes its weights as JSON.
 *
 *   node train.mjs --output model/weights.json                      # version 1
 *   node train.mjs --output model/weights-v2.json --max-features 60 # version 2: pruned to 60 features
 *                                                                   # per task (smaller, and worse)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { trainClassifier } from './lib/classifier.mjs';
import { readSplit, TASKS } from './lib/data.mjs';

const { values } = parseArgs({ options: { output: { type: 'string' }, 'max-features': { type: 'string' } } });
if (!values.output) {
  console.error('train.mjs: say where the weights go: --output model/weights.json');
  process.exit(2);
}
const maxFeatures = values['max-features'] ? Number(values['max-features']) : Infinity;
const tasks = Object.fromEntries(TASKS.map((task) => [task, trainClassifier(readSplit(task, 'train'), { maxFeatures })]));
const weights = { format: 'steward-example-naive-bayes/1', maxFeatures: Number.isFinite(maxFeatures) ? maxFeatures : null, tasks };
writeFileSync(values.output, `${JSON.stringify(weights)}\n`);
for (const task of TASKS) console.log(`${task}: ${readSplit(task, 'train').length} training items, ${Object.keys(tasks[task].features).length} features`);
