/** Waivers from `/steward waive RULE REASON`: findings stay on record but stop counting. */
import type { StyleRuleId } from '../../config/types.js';
import type { RuleOutcome, Waiver } from './types.js';

/** The latest waiver for the rule (ISO times sort as strings). */
export function findWaiver(waivers: readonly Waiver[], rule: StyleRuleId): Waiver | null {
  let latest: Waiver | null = null;
  for (const waiver of waivers) {
    if (waiver.rule === rule && (latest === null || waiver.at >= latest.at)) latest = waiver;
  }
  return latest;
}

/** Only a rule with findings can be waived; a rule that passes or is skipped keeps its status. */
export function applyWaiver(outcome: RuleOutcome, waiver: Waiver | null): RuleOutcome {
  if (!waiver || outcome.findings.length === 0) return outcome;
  const reason = waiver.reason.trim() || 'no reason given';
  return { ...outcome, status: 'waived', details: `waived by @${waiver.by}: ${reason} (${outcome.details})`, waiver };
}
