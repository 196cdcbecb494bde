/**
 * Reads every model of one repository at one commit from its cards and registry files. An id
 * defined twice keeps its first definition (files in the order given) and a finding at the second,
 * so one fork's copy-paste slip does not hide which model the report is about.
 */
import { makeFinding, type Finding } from '../findings.js';
import type { MetadataFile, ModelMetadata, ReadOptions, ReadResult } from './types.js';
import { readCardFile } from './read-card.js';
import { readRegistryFile } from './read-registry.js';
import type { ReadModel } from './read-model.js';

interface Seen {
  path: string;
  line: number | null;
}

function duplicate(read: ReadModel & { model: ModelMetadata }, first: Seen): Finding {
  const where = `${first.path}${first.line === null ? '' : ` line ${first.line}`}`;
  return makeFinding({
    check: 'reconcile', rule: 'reconcile-id-duplicate', severity: 'error', path: read.model.path, line: read.line,
    message: `model id '${read.model.id}' is already defined in ${where}; this definition is ignored`,
    hint: 'Give each model its own id, or remove one of the two definitions.',
  });
}

export function readMetadata(files: readonly MetadataFile[], options: ReadOptions): ReadResult {
  const models: ModelMetadata[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, Seen>();
  for (const file of files) {
    const read = file.kind === 'card' ? readCardFile(file, options) : readRegistryFile(file, options);
    findings.push(...read.findings);
    for (const entry of read.models) {
      if (!entry.model) {
        findings.push(...entry.findings);
        continue;
      }
      const first = seen.get(entry.model.id);
      if (first) {
        findings.push(duplicate({ ...entry, model: entry.model }, first));
        continue;
      }
      findings.push(...entry.findings);
      seen.set(entry.model.id, { path: entry.model.path, line: entry.line });
      models.push(entry.model);
    }
  }
  return { models, findings };
}
