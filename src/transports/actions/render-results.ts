/** A check's outcome -> what the Action shows: annotations, outputs, job summary, exit code (pure). */
import type { FindingsReport } from '../../engines/findings.js';
import type { CheckPlan } from '../../platform/port.js';
import { formatAnnotation, formatCommand } from './workflow-commands.js';
import type { FailOn } from './read-inputs.js';

export interface ActionResults {
  /** Workflow commands for stdout, one per line. */
  commands: string[];
  outputs: { findings: string; errors: string; warnings: string };
  summary: string;
  exitCode: 0 | 1 | 2;
}

export interface RenderInput {
  report: FindingsReport;
  /** Only the summary and text are shown: the job summary. */
  plan: Pick<CheckPlan, 'summary' | 'text'>;
  /** false when the configuration could not be used (the report holds its problems). */
  configValid: boolean;
  /** The draft rule asked for a neutral result: report, but do not fail the job. */
  neutral: boolean;
  failOn: FailOn;
  configPath: string;
  /** JSON of SPEC.md §2, as the CLI prints it. */
  toJson: (report: FindingsReport) => string;
}

/** GitHub refuses a step output over 1 MB; keep clear of it. */
export const OUTPUT_LIMIT = 1_000_000;

export function renderResults(input: RenderInput): ActionResults {
  const { report, plan } = input;
  const commands = report.findings.map(formatAnnotation);
  const exitCode = exitCodeOf(input);
  const findings = fitOutput(report, input.toJson);
  if (findings.kept < report.findings.length) {
    commands.push(formatCommand('warning', { title: 'Steward: findings output cut' },
      `The findings output holds the first ${findings.kept} of ${report.findings.length} findings (GitHub limits an output to 1 MB); the summary counts all of them. Use sarif-file for the full list.`));
  }
  if (!input.configValid) {
    commands.push(formatCommand('error', { title: 'Steward: invalid configuration' },
      `${input.configPath} has ${report.summary.errors} problem(s), listed above with their lines. Fix them, or remove the file to use the built-in defaults.`));
  } else if (input.neutral && exitCode === 0 && report.summary.errors > 0) {
    commands.push(formatCommand('notice', { title: 'Steward: draft' }, 'This pull request is a draft: errors are reported but do not fail the job.'));
  }
  return {
    commands,
    outputs: {
      findings: findings.json,
      errors: String(report.summary.errors),
      warnings: String(report.summary.warnings),
    },
    summary: [plan.summary.replace(/\n*<!-- steward:fingerprint=[^>]*-->\s*$/, ''), plan.text ?? ''].filter(Boolean).join('\n\n') + '\n',
    exitCode,
  };
}

/** The report as JSON, with as many findings as fit the output limit (the summary stays whole). */
function fitOutput(report: FindingsReport, toJson: RenderInput['toJson']): { json: string; kept: number } {
  const whole = toJson(report);
  if (Buffer.byteLength(whole) <= OUTPUT_LIMIT) return { json: whole, kept: report.findings.length };
  let low = 0;
  let high = report.findings.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(toJson({ ...report, findings: report.findings.slice(0, mid) })) <= OUTPUT_LIMIT) low = mid;
    else high = mid - 1;
  }
  return { json: toJson({ ...report, findings: report.findings.slice(0, low) }), kept: low };
}

function exitCodeOf(input: RenderInput): 0 | 1 | 2 {
  if (!input.configValid) return 2;
  if (input.neutral || input.failOn === 'never') return 0;
  const { errors, warnings } = input.report.summary;
  if (errors > 0) return 1;
  return input.failOn === 'warning' && warnings > 0 ? 1 : 0;
}
