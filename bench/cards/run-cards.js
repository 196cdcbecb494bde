/**
 * Model cards per second over the 1,000 cards of hf-cards-sample/: Steward's checkCard (huggingface
 * profile, from lib/) vs remark-lint-frontmatter-schema vs the floor (yaml.parse + one compiled ajv
 * validator, no positions), all against the same JSON Schema. Each side runs in its own process.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CARDS = process.env.BENCH_CARDS ?? '/work/shared/corpus/hf-cards-sample';
const SIDES = ['steward', 'remark', 'floor'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export async function runCardsBench({ workDir, reps = 5, log = () => {} }) {
  const dir = resolve(workDir, 'cards');
  mkdirSync(dir, { recursive: true });
  const { HUGGINGFACE_CARD_SCHEMA } = await import('../../lib/engines/model-card/profile-huggingface-schema.js');
  // remark-lint-frontmatter-schema builds a draft-07 Ajv and cannot load the draft 2020-12 meta-schema;
  // the schema uses no 2020-only keyword, so without `$schema` every side validates the same constraints.
  const { $schema: _draft, ...schema } = HUGGINGFACE_CARD_SCHEMA;
  const schemaFile = join(dir, 'huggingface-card.schema.json');
  writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
  const results = {};
  for (const side of SIDES) {
    log(`   ${side}: ${reps} passes over ${CARDS}`);
    const out = execFileSync(process.execPath, [join(import.meta.dirname, 'side.js'), side, CARDS, schemaFile, String(reps)],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 24 });
    const result = JSON.parse(out);
    results[side] = { ...result, medianMs: median(result.times), perSecond: result.cards / (median(result.times) / 1000) };
    log(`   ${side}: median ${Math.round(results[side].medianMs)} ms, ${Math.round(results[side].perSecond)} cards/s, peak RSS ${Math.round(result.maxRssKb / 1024)} MB`);
  }
  return {
    ...results,
    vsRemark: results.remark.medianMs / results.steward.medianMs,
    vsFloor: results.steward.medianMs / results.floor.medianMs,
  };
}
