/** Findings in the format the user asked for: text for people, JSON for scripts, SARIF for code scanning. */
import type { FindingsReport } from '../../engines/findings.js';
import { UsageError } from '../../platform/local/usage-error.js';
import { formatJson } from '../../report/format-json.js';
import { formatSarif } from '../../report/format-sarif.js';
import { formatText } from '../../report/format-text.js';
import type { CliIo } from './cli-io.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function toFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--format must be text, json or sarif, not "${value}"`);
}

export function renderReport(report: FindingsReport, format: Format, io: CliIo, version: string): string {
  if (format === 'json') return formatJson(report);
  if (format === 'sarif') return formatSarif(report, { version });
  return formatText(report, { color: io.color });
}
