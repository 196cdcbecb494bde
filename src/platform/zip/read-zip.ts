/**
 * Reads the files of an untrusted zip (a workflow artifact) within limits, all in memory: no path
 * from the zip ever reaches the file system. Only stored and deflated entries are read (all that
 * actions/upload-artifact writes). Every entry is inflated with a hard output cap, so a zip bomb
 * fails while inflating whatever its headers claim; CRC-32 and sizes are verified.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import type { ArtifactFile, ArtifactLimits } from '../port.js';
import { ArtifactError } from '../github/artifact-error.js';
import { decodeEntryName } from './entry-name.js';
import { corrupt, readCentralDirectory, type ZipEntry } from './zip-directory.js';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;

export function readZip(bytes: Uint8Array, limits: ArtifactLimits): ArtifactFile[] {
  if (bytes.byteLength > limits.maxZipBytes) throw tooLargeZip(bytes.byteLength, limits.maxZipBytes);
  const entries = readCentralDirectory(bytes);
  const files: ArtifactFile[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const path = decodeEntryName(entry.rawName);
    if (path.endsWith('/')) continue; // a directory: nothing to read
    if (files.length >= limits.maxFiles) {
      throw new ArtifactError('too-many-files', `The artifact holds more than ${limits.maxFiles} files; Steward reads at most that many. Upload only the result files.`);
    }
    if (seen.has(path)) throw new ArtifactError('unsafe-path', `The artifact holds "${path}" twice; Steward cannot tell which one counts. Upload each file once.`);
    seen.add(path);
    files.push({ path, bytes: readEntry(bytes, entry, path, limits.maxFileBytes) });
  }
  return files;
}

export function tooLargeZip(bytes: number, max: number): ArtifactError {
  return new ArtifactError('too-large', `The artifact is ${bytes} bytes as a zip; Steward downloads at most ${max}. Upload only the result files, or raise the limit in the evaluation settings.`);
}

function readEntry(bytes: Uint8Array, entry: ZipEntry, path: string, maxFileBytes: number): Uint8Array {
  if (entry.flags & 1) throw corrupt(`"${path}" is encrypted`);
  if (entry.method !== STORED && entry.method !== DEFLATED) throw corrupt(`"${path}" uses compression method ${entry.method}; only stored and deflated entries are read`);
  if (entry.uncompressedSize > maxFileBytes) {
    throw new ArtifactError('too-large', `"${path}" in the artifact is ${entry.uncompressedSize} bytes; Steward reads at most ${maxFileBytes} per file. Write smaller result files.`);
  }
  const data = compressedData(bytes, entry, path);
  const content = entry.method === STORED ? data : inflate(data, path, maxFileBytes);
  if (content.byteLength !== entry.uncompressedSize) throw corrupt(`"${path}" unpacks to ${content.byteLength} bytes, not the ${entry.uncompressedSize} its header says`);
  if (crc32(content) >>> 0 !== entry.crc32) throw corrupt(`"${path}" fails its CRC-32 check`);
  return content;
}

/** The local header's name and extra field may differ in length from the central copy; skip its own. */
function compressedData(bytes: Uint8Array, entry: ZipEntry, path: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + LOCAL_SIZE > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw corrupt(`the local header of "${path}" is missing`);
  const start = at + LOCAL_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw corrupt(`the data of "${path}" runs past the end of the file`);
  return bytes.subarray(start, end);
}

function inflate(data: Uint8Array, path: string, maxFileBytes: number): Uint8Array {
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, maxFileBytes) }));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new ArtifactError('bomb', `"${path}" in the artifact unpacks to more than ${maxFileBytes} bytes although its header claims less (a zip bomb); Steward stopped inflating it.`, { cause: error });
    }
    throw corrupt(`"${path}" does not inflate (${(error as Error).message})`);
  }
}
