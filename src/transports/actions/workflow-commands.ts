/**
 * The few GitHub Actions workflow commands Steward needs, as pure string builders.
 * Written here rather than taken from @actions/core to keep the committed bundle small;
 * the escaping matches the runner's (actions/runner `ActionCommand.Unescape`).
 */
import type { Finding } from '../../engines/findings.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Annotation properties, named as the runner reads them. */
export interface AnnotationProperties {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

/** Escapes a command's message: the runner ends a command at the first line break. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: ',' separates properties and ':' ends them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,key=value::message`, leaving out properties that are undefined. */
export function formatCommand(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** One finding as an annotation: on its file and line when it has one, on the run otherwise. */
export function formatAnnotation(finding: Finding): string {
  const props: AnnotationProperties = { title: `Steward ${finding.rule}` };
  if (finding.path !== null) {
    props.file = finding.path;
    props.line = finding.line ?? 1;
    if (finding.endLine != null && finding.endLine !== props.line) props.endLine = finding.endLine;
    // The runner keeps columns only on single-line annotations.
    if (finding.column !== null && props.endLine === undefined) {
      props.col = finding.column;
      if (finding.endColumn != null) props.endColumn = finding.endColumn;
    }
  }
  const short = finding.commit?.slice(0, 7);
  const where = finding.path === null && short && !finding.message.includes(short) ? `${short}: ` : '';
  const hint = finding.hint ? `\nHow to fix: ${finding.hint}` : '';
  return formatCommand(finding.severity, { ...props }, `${where}${finding.message}${hint}`);
}

/**
 * One entry of the GITHUB_OUTPUT file in the multi-line form `name<<DELIM\nvalue\nDELIM\n`.
 * The caller supplies a random delimiter; a value that contains it could forge further outputs.
 */
export function formatOutput(name: string, value: string, delimiter: string): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`The output "${name}" contains its own delimiter; refusing to write it.`);
  }
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/**
 * Wraps text that quotes untrusted content (commit messages, PR titles) so that the runner
 * does not execute a `::command::` line found inside it. The token must be unguessable.
 */
export function guardLog(text: string, token: string): string {
  return `::stop-commands::${token}\n${text}\n::${token}::`;
}
