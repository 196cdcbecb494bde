/** One line for a check summary or the CLI: which config files the check used. */
import type { ResolvedConfig } from './load.js';

export function summarizeConfigSources(resolved: Pick<ResolvedConfig, 'config' | 'sources'>): string {
  const [first, ...extended] = resolved.sources;
  if (first === undefined) return 'config: built-in defaults (no .github/steward.yml)';
  const chain = [first, ...extended.map((origin) => `extending ${origin}`)].join(' ');
  return `config: ${chain}${resolved.config === null ? ' (invalid: see the config findings)' : ''}`;
}
