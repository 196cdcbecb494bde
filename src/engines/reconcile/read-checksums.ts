/**
 * Weight checksums anywhere in the metadata: every `sha256` key, and Git LFS pointer oids written
 * as `oid: sha256:<hex>`. DVC's md5 is left out on purpose: it is not always the file's md5
 * (research §2.4), so it cannot be compared with anything.
 */
import type { WeightChecksum } from './types.js';
import { isMapping, pointerStep } from './merge-values.js';

const SHA256 = /^[0-9a-fA-F]{64}$/;

export interface ChecksumProblem {
  pointer: string;
  message: string;
}

interface Walk {
  checksums: WeightChecksum[];
  problems: ChecksumProblem[];
}

/** The weight file's path when the mapping names one, else where the mapping sits ("files/0"). */
function keyFor(container: Record<string, unknown>, pointer: string, name: string): string {
  for (const field of ['path', 'file', 'filename']) {
    if (typeof container[field] === 'string') return container[field] as string;
  }
  return pointer === '' ? name : pointer.slice(1);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value.slice(0, 80)}'` : `a ${value === null ? 'null' : typeof value}`;
}

function readChecksum(container: Record<string, unknown>, pointer: string, name: 'sha256' | 'oid', walk: Walk): void {
  const value = container[name];
  const written = name === 'oid' && typeof value === 'string' ? value.slice('sha256:'.length) : value;
  if (typeof written === 'string' && SHA256.test(written)) {
    walk.checksums.push({ key: keyFor(container, pointer, name), algorithm: 'sha256', value: written.toLowerCase() });
    return;
  }
  const what = name === 'oid' ? 'a Git LFS oid must be sha256: and 64 hex digits' : 'a sha256 checksum must be 64 hex digits';
  walk.problems.push({ pointer: pointerStep(pointer, name), message: `${what}, but this is ${describe(written)}` });
}

function visit(value: unknown, pointer: string, walk: Walk, depth: number): void {
  if (depth > 64) return; // deeper than any metadata; parsed input is a tree, so this only bounds the stack
  if (Array.isArray(value)) {
    value.forEach((item, i) => visit(item, pointerStep(pointer, i), walk, depth + 1));
    return;
  }
  if (!isMapping(value)) return;
  if (Object.hasOwn(value, 'sha256')) readChecksum(value, pointer, 'sha256', walk);
  if (typeof value.oid === 'string' && value.oid.startsWith('sha256:')) readChecksum(value, pointer, 'oid', walk);
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'object' && child !== null) visit(child, pointerStep(pointer, key), walk, depth + 1);
  }
}

export function findChecksums(data: Record<string, unknown>): Walk {
  const walk: Walk = { checksums: [], problems: [] };
  visit(data, '', walk, 0);
  return walk;
}
