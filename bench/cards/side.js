#!/usr/bin/env node
/**
 * One side of the model-card bench, in its own process so its peak memory is its own:
 *   node bench/cards/side.js <steward|remark|floor> <cards folder> <schema.json> <reps>
 * Reads every card into memory first, then times `reps` passes over all of them; prints JSON
 * { times (ms per pass), cards, withFindings, maxRssKb } on stdout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const [side, folder, schemaFile, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const cards = readdirSync(folder).filter((n) => n.endsWith('.md')).sort().map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));

const check = await makeChecker(side);
const times = [];
let withFindings = 0;
for (let rep = 0; rep < reps; rep++) {
  const started = performance.now();
  let found = 0;
  for (const card of cards) if ((await check(card)) > 0) found++;
  times.push(performance.now() - started);
  withFindings = found;
}
process.stdout.write(JSON.stringify({ side, times, cards: cards.length, withFindings, maxRssKb: process.resourceUsage().maxRSS }));

/** A function from a card to its number of findings. */
async function makeChecker(name) {
  if (name === 'steward') {
    const { checkCard } = await import('../../lib/engines/model-card/check-card.js');
    return ({ name: file, text }) => checkCard(text, file, { profile: 'huggingface', requiredSections: [] }).length;
  }
  if (name === 'remark') {
    const [{ remark }, { default: remarkFrontmatter }, { default: remarkLintFrontmatterSchema }, { VFile }] = await Promise.all([
      import('remark'), import('remark-frontmatter'), import('remark-lint-frontmatter-schema'), import('vfile')]);
    // Paths relative to the current folder (the runner sets it to the schema's folder), as a .remarkrc would.
    const processor = remark().use(remarkFrontmatter).use(remarkLintFrontmatterSchema, { schemas: { [schemaFile.split('/').pop()]: ['cards/*.md'] } });
    return async ({ name: file, text }) => (await processor.process(new VFile({ path: `cards/${file}`, value: text }))).messages.length;
  }
  if (name === 'floor') {
    const [{ parse }, { Ajv2020 }] = await Promise.all([import('yaml'), import('ajv/dist/2020.js')]);
    const validate = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    const FENCE = /^(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
    return ({ text }) => {
      const match = FENCE.exec(text);
      if (!match) return 0;
      try {
        return validate(parse(match[1]) ?? {}) ? 0 : validate.errors.length;
      } catch {
        return 1;
      }
    };
  }
  throw new Error(`unknown side "${name}": steward, remark or floor`);
}
